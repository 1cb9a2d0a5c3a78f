package csvstat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * csvstat: statistics of the numeric columns of a CSV file (header line first, comma-separated,
 * no quoting).
 *
 *   java -jar csvstat.jar FILE       statistics of FILE ("-" or nothing: standard input)
 *   java -jar csvstat.jar --version  the version (read from the jar)
 *   java -jar csvstat.jar --selftest statistics of the sample CSV packed in the jar, checked
 */
public final class Main {
    private static final Logger LOG = Logger.getLogger("csvstat");

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("csvstat " + version());
        } else if (args.length == 1 && args[0].equals("--selftest")) {
            System.exit(selftest() ? 0 : 1);
        } else if (args.length <= 1) {
            boolean stdin = args.length == 0 || args[0].equals("-");
            try (BufferedReader in = stdin
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
                read(in).forEach(System.out::println);
            }
        } else {
            System.err.println("usage: csvstat [FILE | --version | --selftest]");
            System.exit(2);
        }
    }

    static String version() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource("version.properties")) {
            properties.load(in);
        }
        return properties.getProperty("version");
    }

    /** Numeric columns only: a column with one value that is not a number is dropped. */
    static List<ColumnStats> read(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header == null) return List.of();
        String[] names = header.split(",", -1);
        ColumnStats[] columns = new ColumnStats[names.length];
        for (int i = 0; i < names.length; i++) columns[i] = new ColumnStats(names[i].trim());
        boolean[] numeric = new boolean[names.length];
        java.util.Arrays.fill(numeric, true);
        String line;
        int lineNumber = 1;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) continue;
            String[] cells = line.split(",", -1);
            if (cells.length != names.length) {
                LOG.warning("line " + lineNumber + ": " + cells.length + " cells, expected " + names.length);
                continue;
            }
            for (int i = 0; i < cells.length; i++) {
                if (!numeric[i]) continue;
                try {
                    columns[i].add(Double.parseDouble(cells[i].trim()));
                } catch (NumberFormatException notNumeric) {
                    numeric[i] = false;
                }
            }
        }
        List<ColumnStats> result = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) if (numeric[i] && columns[i].count() > 0) result.add(columns[i]);
        return result;
    }

    /** The packed sample has known statistics: the jar's resources and the parser both work. */
    static boolean selftest() throws IOException {
        List<ColumnStats> stats;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource("sample.csv"), StandardCharsets.UTF_8))) {
            stats = read(in);
        }
        stats.forEach(System.out::println);
        boolean ok = stats.size() == 2
                && stats.get(0).name.equals("temperature") && stats.get(0).count() == 6
                && stats.get(0).min() == -3.5 && stats.get(0).max() == 21.0
                && stats.get(1).name.equals("rainfall") && Math.abs(stats.get(1).mean() - 2.2) < 1e-9;
        System.out.println("selftest: " + (ok ? "ok" : "FAILED") + " (csvstat " + version() + ", Java "
                + Runtime.version().feature() + ")");
        return ok;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Main.class.getResourceAsStream(name);
        if (in == null) throw new IOException("resource missing from the jar: " + name);
        return in;
    }
}
