import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * What it costs to send a 10-step execution's trace to PostgreSQL, three ways, interleaved 50 statements at a time
 * so that a machine whose speed drifts weighs on each alike: the group-commit writer's old way (one text array per
 * column, sent as an array literal), its way now (the same array in binary form) and one parameter per row. Each
 * statement inserts 10 traces into a json column compressed as executions' is, as a batch of the writer's does;
 * commits are not flushed, since the flush is the same for all three. It makes and drops a table trace_binding. Prints the PostgreSQL backend's CPU per row (from /proc, so the database
 * must run on this machine) and this process's.
 * Usage: java -cp bootstrap/target/flowgate.jar bench/TraceBinding.java [JDBC_URL [USER]]
 */
public class TraceBinding {

    private static final int ROWS_PER_STATEMENT = 10;
    private static final int STATEMENTS_PER_TURN = 50;
    private static final int TURNS = 200;
    private static final int WARM_UP_TURNS = 40;
    private static final String[] WAYS = {"array literal", "binary array", "row parameters"};

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        String user = args.length > 1 ? args[1] : "postgres";
        String trace = tenStepTrace();
        String[] traces = new String[ROWS_PER_STATEMENT];
        Arrays.fill(traces, trace);
        StringBuilder rows = new StringBuilder("insert into trace_binding (steps) values ");
        for (int i = 0; i < ROWS_PER_STATEMENT; i++) {
            rows.append(i == 0 ? "" : ", ").append("(cast(? as json))");
        }
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            try (Statement statement = connection.createStatement()) {
                // A table like executions' trace column: logged, compressed with lz4 where the server has it.
                statement.execute("create table trace_binding (id bigserial primary key, steps json)");
                statement.execute("alter table trace_binding alter column steps set compression lz4");
                statement.execute("set synchronous_commit = off");
            }
            int backend = backendPid(connection);
            PreparedStatement viaArray = connection.prepareStatement(
                    "insert into trace_binding (steps) select * from unnest(cast(? as json[]))");
            PreparedStatement viaRows = connection.prepareStatement(rows.toString());
            var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long[] backendNanos = new long[WAYS.length];
            long[] clientNanos = new long[WAYS.length];
            for (int turn = 0; turn < TURNS; turn++) {
                for (int way = 0; way < WAYS.length; way++) {
                    long backendBefore = cpuNanos(backend);
                    long clientBefore = process.getProcessCpuTime();
                    for (int s = 0; s < STATEMENTS_PER_TURN; s++) {
                        switch (way) {
                            case 0 -> viaArray.setArray(1, connection.createArrayOf("text", traces));
                            case 1 -> viaArray.setObject(1, traces);
                            default -> {
                                for (int i = 0; i < ROWS_PER_STATEMENT; i++) {
                                    viaRows.setString(i + 1, trace);
                                }
                            }
                        }
                        (way == 2 ? viaRows : viaArray).executeUpdate();
                    }
                    if (turn >= WARM_UP_TURNS) {
                        backendNanos[way] += cpuNanos(backend) - backendBefore;
                        clientNanos[way] += process.getProcessCpuTime() - clientBefore;
                    }
                }
                if (turn % 20 == 19) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("truncate trace_binding");
                    }
                }
            }
            long measuredRows = (long) (TURNS - WARM_UP_TURNS) * STATEMENTS_PER_TURN * ROWS_PER_STATEMENT;
            System.out.printf("a %,d-character trace, %,d rows each way%n", trace.length(), measuredRows);
            for (int way = 0; way < WAYS.length; way++) {
                System.out.printf("%-15s PostgreSQL %5.1f µs per row, client %5.1f µs per row%n", WAYS[way],
                        backendNanos[way] / 1e3 / measuredRows, clientNanos[way] / 1e3 / measuredRows);
            }
        } finally {
            try (Connection connection = DriverManager.getConnection(url, user, "");
                 Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists trace_binding");
            }
        }
    }

    /** The bench's 10-step flow's trace, as the writer stores it (inputs and outputs are JSON text in strings). */
    private static String tenStepTrace() {
        String hash = "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"";
        String[][] steps = {
                {"name", "text.trim", "{\"text\":\"  Alice  \"}", "\"Alice\""},
                {"upper", "text.upper", "{\"text\":\"Alice\"}", "\"ALICE\""},
                {"greet", "text.concat", "{\"values\":[\"Hello, \",\"ALICE\",\"!\"]}", "\"Hello, ALICE!\""},
                {"count", "list.length", "{\"list\":[1,2,3]}", "3"},
                {"double", "number.multiply", "{\"a\":3,\"b\":2}", "6"},
                {"sum", "number.add", "{\"a\":6,\"b\":0.5}", "6.5"},
                {"hash", "hash.sha256", "{\"text\":\"Hello, ALICE!\"}", hash},
                {"short", "text.length", "{\"text\":" + hash + "}", "64"},
                {"obj", "object.set", "{\"object\":{},\"path\":\"greeting\",\"value\":\"Hello, ALICE!\"}",
                        "{\"greeting\":\"Hello, ALICE!\"}"},
                {"done", "flow.return", "{\"body\":{\"result\":{\"greeting\":\"Hello, ALICE!\"},\"sum\":6.5,\"len\":64}}",
                        "{\"result\":{\"greeting\":\"Hello, ALICE!\"},\"sum\":6.5,\"len\":64}"}};
        StringBuilder trace = new StringBuilder("[");
        for (String[] step : steps) {
            trace.append(trace.length() > 1 ? "," : "")
                    .append("{\"stepId\":\"").append(step[0]).append("\",\"card\":\"").append(step[1])
                    .append("\",\"status\":\"SUCCEEDED\",\"started\":\"2026-12-01T04:00:00.123456Z\",")
                    .append("\"duration\":\"PT0.000012S\",\"input\":").append(jsonString(step[2]))
                    .append(",\"output\":").append(jsonString(step[3])).append(",\"error\":null}");
        }
        return trace.append(']').toString();
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** A process's CPU time so far, in nanoseconds: the first field of /proc/PID/schedstat. */
    private static long cpuNanos(int pid) throws Exception {
        return Long.parseLong(Files.readString(Path.of("/proc/" + pid + "/schedstat")).split(" ")[0]);
    }
}
