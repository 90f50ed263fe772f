package io.flowgate.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.util.logging.LogManager;

/** Starts one Flowgate node from the environment and stops it cleanly on SIGTERM / Ctrl-C. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            System.err.println("flowgate: " + e.getMessage());
            System.exit(2);
            return;
        }
        Flowgate flowgate;
        try {
            flowgate = Flowgate.start(config);
        } catch (RuntimeException e) {
            System.err.println("flowgate: could not start: " + rootMessage(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(flowgate::close, "flowgate-shutdown"));
        flowgate.generatedOperatorToken().ifPresent(token -> System.out.println(
                "Operator token (generated because FLOWGATE_OPERATOR_TOKEN is unset; shown only now): " + token));
        System.out.println("Flowgate is listening on port " + flowgate.port() + "; public URL " + config.publicUrl());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // An unknown host's message is the bare host name, which alone does not say what is wrong.
        String reason = root instanceof UnknownHostException ? "unknown host " + root.getMessage() : root.getMessage();
        return e == root ? String.valueOf(reason) : e.getMessage() + " (" + reason + ")";
    }

    /** Our own defaults unless the operator points java.util.logging at a file of theirs. */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream in = Main.class.getResourceAsStream("/flowgate-logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
