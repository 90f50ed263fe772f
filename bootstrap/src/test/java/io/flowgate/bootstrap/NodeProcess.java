package io.flowgate.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Main in a JVM of its own, as an operator runs it, on the test classpath. */
final class NodeProcess {

    /** The line Main prints once the node serves requests. */
    static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    private NodeProcess() {
    }

    /** Starts Main with exactly these FLOWGATE_ settings; its standard error goes to {@code stderr.txt}. */
    static Process launch(Path workDirectory, Map<String, String> environment) throws IOException {
        return launch(workDirectory, environment, "stderr.txt");
    }

    /** {@link #launch(Path, Map)} with standard error to a file of this name, for several nodes in one directory. */
    static Process launch(Path workDirectory, Map<String, String> environment, String stderrFile) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName())
                .directory(workDirectory.toFile())
                .redirectError(workDirectory.resolve(stderrFile).toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("FLOWGATE_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Reads the node's standard output up to its listening line and returns the port; -1 if it ended first. */
    static int awaitListening(Process process) throws IOException {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
            Matcher port = LISTENING.matcher(line);
            if (port.find()) {
                return Integer.parseInt(port.group(1));
            }
        }
        return -1;
    }

    /**
     * Sends an operator request whose body is only half there, sends the node SIGTERM, and sends the rest
     * once the node has begun to stop; returns the answer's status line.
     */
    static String createOrgAcrossSigterm(Process process, int port, String operatorToken) throws Exception {
        byte[] body = "{\"slug\":\"acme\",\"name\":\"Acme\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(40_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/orgs HTTP/1.1\r\nHost: localhost\r\nAuthorization: SSWS " + operatorToken
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 5);
            out.flush();
            Thread.sleep(300); // the request is being served, waiting for its body
            process.destroy(); // SIGTERM
            Thread.sleep(2_000); // long enough for anything a shutdown hook stops
            out.write(body, 5, body.length - 5);
            out.flush();
            InputStream in = socket.getInputStream();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
        }
    }
}
