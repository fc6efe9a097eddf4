import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ipnSecrets of a pool of bench orders (sql/pool.sql), encrypted as the server stores them
 * (its SecretBox: AES-256-GCM, a random 96-bit nonce, a 128-bit tag, associated data
 * "exchange_order.ipn_secret:" + the order id, stored as v1:keyId:base64(nonce | ciphertext)),
 * so that the server's dispatcher can sign their IPNs. One line per order, "i<TAB>value", for
 * psql's \copy; order i's id is idp followed by i in hex, 24 characters in all.
 *
 *   java bench/SealIpnSecrets.java KEY_ID KEY_BASE64 IDP N SECRET
 */
public class SealIpnSecrets {

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        String keyId = args[0];
        SecretKeySpec key = new SecretKeySpec(Base64.getDecoder().decode(args[1]), "AES");
        String idp = args[2];
        int n = Integer.parseInt(args[3]);
        byte[] secret = args[4].getBytes(StandardCharsets.UTF_8);
        SecureRandom random = new SecureRandom();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        String format = "%s%0" + (24 - idp.length()) + "x";
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII), 1 << 16)) {
            for (int i = 0; i < n; i++) {
                byte[] nonce = new byte[12];
                random.nextBytes(nonce);
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(("exchange_order.ipn_secret:" + String.format(format, idp, i)).getBytes(StandardCharsets.UTF_8));
                byte[] sealed = cipher.doFinal(secret);
                byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
                out.write(i + "\tv1:" + keyId + ":" + Base64.getEncoder().encodeToString(stored) + "\n");
            }
        }
    }
}
