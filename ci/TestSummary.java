import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/** Prints one line per test class that ran (from the Surefire and Failsafe XML reports) and the totals. */
void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    record Row(String module, String runner, String testClass, int tests, int failures, int errors, int skipped, double seconds) {}
    List<Row> rows = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root, 5)) {
        for (Path report : files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")
                && p.getParent().getFileName().toString().matches("(surefire|failsafe)-reports")).sorted().toList()) {
            Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile()).getDocumentElement();
            String module = root.relativize(report).getName(0).toString();
            String runner = report.getParent().getFileName().toString().replace("-reports", "");
            rows.add(new Row(module, runner, suite.getAttribute("name").replaceFirst("^.*\\.", ""),
                    Integer.parseInt(suite.getAttribute("tests")), Integer.parseInt(suite.getAttribute("failures")),
                    Integer.parseInt(suite.getAttribute("errors")), Integer.parseInt(suite.getAttribute("skipped")),
                    Double.parseDouble(suite.getAttribute("time").replace(",", ""))));
        }
    }
    System.out.println();
    System.out.println("=== EdgeBatch test summary ===");
    String format = "%-20s %-9s %-46s %6s %6s %6s %6s %9s%n";
    System.out.printf(format, "module", "runner", "test class", "tests", "fail", "error", "skip", "seconds");
    int tests = 0, failures = 0, errors = 0, skipped = 0;
    double seconds = 0;
    for (Row r : rows) {
        System.out.printf("%-20s %-9s %-46s %6d %6d %6d %6d %9.1f%n", r.module(), r.runner(), r.testClass(), r.tests(),
                r.failures(), r.errors(), r.skipped(), r.seconds());
        tests += r.tests(); failures += r.failures(); errors += r.errors(); skipped += r.skipped(); seconds += r.seconds();
    }
    System.out.printf("%-20s %-9s %-46s %6d %6d %6d %6d %9.1f%n", "TOTAL", "", rows.size() + " test classes", tests, failures,
            errors, skipped, seconds);
}
