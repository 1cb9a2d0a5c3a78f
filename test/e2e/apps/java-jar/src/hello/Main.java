// A tiny command-line tool: `--selftest` checks a computation and prints the runtime it ran on.
package hello;

public final class Main {
    static String greet(String name) {
        return "hello, " + name;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--selftest")) {
            String got = greet("java");
            System.out.println("selftest: " + got + " on " + System.getProperty("java.version"));
            System.exit(got.equals("hello, java") ? 0 : 1);
        }
        System.out.println(greet(args.length > 0 ? args[0] : "world"));
    }
}
