package dev.exchanger.bench.empty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark's empty Spring Boot app: the server's Boot version, web stack and validation,
 * and no work behind its endpoints. bench/run.sh measures the HTTP ceilings on it and uses it
 * as the IPN receiver.
 */
@SpringBootApplication
public class EmptyApplication {

    public static void main(String[] args) {
        SpringApplication.run(EmptyApplication.class, args);
    }
}
