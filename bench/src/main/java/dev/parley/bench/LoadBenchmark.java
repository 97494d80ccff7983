package dev.parley.bench;

import java.io.IOException;
import java.util.List;

/**
 * The S2S load benchmark's command line: runs {@link BenchmarkRun}, prints the Markdown tables and writes them
 * with the command and the machine to the results file. Progress goes to stderr, the tables to stdout.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<TargetResult> results = new BenchmarkRun(options, System.err::println).run();
        String tables = ResultsTable.markdown(results);
        System.out.println(tables);
        System.out.println(TargetCheck.markdown(results));
        String command = "./mvnw -q -o -B -pl bench -am package -DskipTests && java -jar bench/target/parley-bench.jar" + (args.length == 0 ? "" : " " + String.join(" ", args));
        if (options.results().isPresent()) {
            ResultsReport.write(options.results().get(), tables, TargetCheck.markdown(results), command, options);
            System.err.println("written to " + options.results().get().toAbsolutePath());
        }
    }
}
