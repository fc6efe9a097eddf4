package dev.exchanger.contract.gate;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import dev.exchanger.contract.Pacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The HTTP interactions of every pact file that the consumer tests wrote in this build. */
final class PactInteractions {

    /** One interaction with the pact file it came from. */
    record PactInteraction(Path file, String consumer, String description, SynchronousRequestResponse http) {

        String method() {
            return http.getRequest().getMethod().toUpperCase(Locale.ROOT);
        }

        String path() {
            return http.getRequest().getPath();
        }

        int status() {
            return http.getResponse().getStatus();
        }

        @Override
        public String toString() {
            return method() + " " + path() + " -> " + status() + " (\"" + description + "\", " + file.getFileName() + ")";
        }
    }

    private PactInteractions() {
    }

    static List<PactInteraction> load() {
        List<PactInteraction> interactions = new ArrayList<>();
        for (Path file : Pacts.files()) {
            Pact pact = DefaultPactReader.INSTANCE.loadPact(file.toFile());
            for (Interaction interaction : pact.getInteractions()) {
                SynchronousRequestResponse http = interaction.asSynchronousRequestResponse();
                if (http == null) {
                    throw new IllegalStateException(file + " has a non-HTTP interaction: " + interaction.getDescription());
                }
                interactions.add(new PactInteraction(file, pact.getConsumer().getName(), interaction.getDescription(), http));
            }
        }
        return interactions;
    }
}
