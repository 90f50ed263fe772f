package io.flowgate.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The configuration of one node, read from {@code FLOWGATE_*} environment variables. Every value is
 * checked at start: a bad one stops the start with a message naming the variable and what it takes.
 */
public record Config(int port, URI publicUrl, Optional<Database> database, Optional<String> operatorToken,
                     Optional<byte[]> masterKey, Duration tokenTtl, Duration clockSkew, long maxBodyBytes,
                     Duration flowTimeout) {

    /** An external PostgreSQL; without one, an embedded PostgreSQL is started. */
    public record Database(String url, Optional<String> user, Optional<String> password) {
    }

    static final int DEFAULT_PORT = 8080;

    public static Config fromEnvironment(Map<String, String> env) {
        Reader reader = new Reader(env);
        int port = reader.integer("FLOWGATE_PORT", DEFAULT_PORT, 0, 65_535, "a TCP port number (0 picks a free one)");
        return new Config(
                port,
                reader.publicUrl(port),
                reader.database(),
                reader.operatorToken(),
                reader.masterKey(),
                Duration.ofSeconds(reader.integer("FLOWGATE_TOKEN_TTL", 3600, 60, 86_400, "seconds")),
                Duration.ofSeconds(reader.integer("FLOWGATE_CLOCK_SKEW", 60, 0, 600, "seconds")),
                reader.bytes("FLOWGATE_MAX_BODY", 1L << 20, 1L << 10, 100L << 20),
                Duration.ofSeconds(reader.integer("FLOWGATE_FLOW_TIMEOUT", 60, 1, 3600, "seconds")));
    }

    private record Reader(Map<String, String> env) {

        /**
         * Surrounding spaces are dropped (a value pasted from a file often ends in a newline). A variable
         * that is set but blank is refused: it is a secret or template that did not arrive, and its default
         * (a private embedded database, a development master key) would hide that until data went missing.
         */
        Optional<String> value(String name) {
            String value = env.get(name);
            if (value != null && value.isBlank()) {
                throw new ConfigException(name + " is set but empty: give it a value, or unset it for the default");
            }
            return Optional.ofNullable(value).map(String::strip);
        }

        int integer(String name, int fallback, int min, int max, String unit) {
            Optional<String> raw = value(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(asciiDigits(raw.get()));
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // reported below, with the range
            }
            throw new ConfigException(name + " must be a whole number from " + min + " to " + max + " (" + unit
                    + "), not '" + raw.get() + "'");
        }

        /** Bytes, or a number with a KiB / MiB suffix. */
        long bytes(String name, long fallback, long min, long max) {
            Optional<String> raw = value(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            String text = raw.get().toUpperCase(Locale.ROOT);
            long factor = 1;
            if (text.endsWith("KIB")) {
                factor = 1L << 10;
                text = text.substring(0, text.length() - 3).strip();
            } else if (text.endsWith("MIB")) {
                factor = 1L << 20;
                text = text.substring(0, text.length() - 3).strip();
            }
            try {
                long parsed = Math.multiplyExact(Long.parseLong(asciiDigits(text)), factor);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException | ArithmeticException ignored) {
                // reported below, with the range
            }
            throw new ConfigException(name + " must be a size from 1KiB to 100MiB (bytes, or with a KiB or MiB"
                    + " suffix), not '" + raw.get() + "'");
        }

        /** Java's number parsing also takes a sign and other scripts' digits, which no operator means here. */
        private static String asciiDigits(String text) {
            if (!text.matches("[0-9]+")) {
                throw new NumberFormatException(text);
            }
            return text;
        }

        URI publicUrl(int port) {
            Optional<String> raw = value("FLOWGATE_PUBLIC_URL");
            if (raw.isEmpty()) {
                return URI.create("http://localhost:" + (port == 0 ? DEFAULT_PORT : port));
            }
            // Only scheme, host and port: the node serves its routes at the root, and RFC 8414 would put
            // the metadata of an issuer under a path at another URL than the one the node serves.
            try {
                URI uri = new URI(raw.get());
                boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
                boolean noPath = "".equals(uri.getRawPath()) || "/".equals(uri.getRawPath());
                boolean validPort = uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65_535;
                if (http && uri.getHost() != null && noPath && validPort && uri.getRawQuery() == null
                        && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
                }
            } catch (URISyntaxException ignored) {
                // reported below
            }
            throw new ConfigException("FLOWGATE_PUBLIC_URL must be an absolute http(s) URL without path, query or"
                    + " fragment, like https://flowgate.example.com, not '" + raw.get() + "'");
        }

        Optional<Database> database() {
            Optional<String> url = value("FLOWGATE_DB_URL");
            if (url.isEmpty()) {
                if (value("FLOWGATE_DB_USER").isPresent() || env.get("FLOWGATE_DB_PASSWORD") != null) {
                    throw new ConfigException("FLOWGATE_DB_USER and FLOWGATE_DB_PASSWORD need FLOWGATE_DB_URL");
                }
                return Optional.empty();
            }
            // The driver's own reading, so that a bad port stops the start here and not as a driver error.
            // The value is not repeated: it may hold a password.
            if (!url.get().startsWith("jdbc:postgresql://") || Driver.parseURL(url.get(), new Properties()) == null) {
                throw new ConfigException("FLOWGATE_DB_URL must be a PostgreSQL JDBC URL like"
                        + " jdbc:postgresql://host:5432/flowgate");
            }
            return Optional.of(new Database(url.get(), value("FLOWGATE_DB_USER"),
                    Optional.ofNullable(env.get("FLOWGATE_DB_PASSWORD"))));
        }

        Optional<String> operatorToken() {
            Optional<String> token = value("FLOWGATE_OPERATOR_TOKEN");
            // Printable ASCII: the server reads a header's other bytes as ISO-8859-1, so a token with such
            // characters fails from a client that sends UTF-8 (curl in most terminals), and one with a
            // character beyond ISO-8859-1 can never be presented at all.
            if (token.isPresent() && (token.get().length() < 16 || !token.get().matches("[!-~]+"))) {
                throw new ConfigException("FLOWGATE_OPERATOR_TOKEN must be at least 16 characters: ASCII letters,"
                        + " digits and punctuation, no spaces");
            }
            return token;
        }

        /** AES-256 needs exactly 32 bytes; anything else is a typo that would silently weaken or break it. */
        Optional<byte[]> masterKey() {
            Optional<String> raw = value("FLOWGATE_MASTER_KEY");
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            try {
                byte[] key = Base64.getDecoder().decode(raw.get());
                if (key.length == 32) {
                    return Optional.of(key);
                }
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            throw new ConfigException("FLOWGATE_MASTER_KEY must be 32 random bytes in base64"
                    + " (for example: openssl rand -base64 32)");
        }
    }
}
