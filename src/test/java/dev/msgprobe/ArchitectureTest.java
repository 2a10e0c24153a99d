package dev.msgprobe;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The package arrows of docs/design/packages.md, held against the compiled main classes. The table in
 * that document is the rule: a package may use only the packages of ours its row names.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.msgprobe";
  private static final Path PACKAGE_MAP = Path.of("docs/design/packages.md");
  /** A row of the package table: | `name` | what lives there | `a`, `b` or — |. */
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z][a-z0-9]*)` \\|[^|]*\\| ([^|]*) \\|$");
  private static final Pattern NAME = Pattern.compile("`([a-z][a-z0-9]*)`");

  private static JavaClasses classes;
  private static Map<String, Set<String>> documented;

  @BeforeAll
  static void importMainClassesAndReadTheMap() throws IOException {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
    documented = packageTable(Files.readAllLines(PACKAGE_MAP));
  }

  @Test
  void everyPackageHasARowInThePackageMap() {
    Set<String> packages = classes.stream()
        .map(JavaClass::getPackageName)
        .filter(p -> p.startsWith(ROOT + "."))
        .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(packages);
    documented.values().forEach(uses -> assertThat(packages).containsAll(uses));
  }

  @TestFactory
  Stream<DynamicTest> eachPackageUsesOnlyThePackagesItsRowNames() {
    return documented.entrySet().stream().map(row -> DynamicTest.dynamicTest(row.getKey(), () -> {
      String[] forbidden = documented.keySet().stream()
          .filter(other -> !other.equals(row.getKey()) && !row.getValue().contains(other))
          .map(other -> ROOT + "." + other + "..")
          .toArray(String[]::new);
      if (forbidden.length > 0) {
        noClasses().that().resideInAPackage(ROOT + "." + row.getKey() + "..")
            .should().dependOnClassesThat().resideInAnyPackage(forbidden)
            .because("docs/design/packages.md lets " + row.getKey() + " use only " + row.getValue())
            .check(classes);
      }
    }));
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void nothingBelowCliKnowsPicocli() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .check(classes);
  }

  @Test
  void jacksonMappersOnlyInReportAndTheTestHelperWireFormat() {
    noClasses().that().resideOutsideOfPackages(ROOT + ".report..", ROOT + ".helper..", ROOT + ".measure..",
            ROOT + ".net..", ROOT + ".collector..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
        .because("reports are serialised in report; net, measure and helper only speak the test-helper JSON;"
            + " collector only the collector API's")
        .check(classes);
  }

  @Test
  void networkLibrariesOnlyAtTheEdge() {
    noClasses().that().resideOutsideOfPackages(ROOT + ".net..", ROOT + ".measure..", ROOT + ".helper..")
        .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..", "org.xbill.DNS..")
        .check(classes);
    noClasses().that().resideOutsideOfPackage(ROOT + ".net..")
        .should().dependOnClassesThat().resideInAPackage("org.xbill.DNS..")
        .because("DNS messages are built and parsed in net alone")
        .check(classes);
  }

  @Test
  void analysisTouchesNoSocketFileOrNetworkLibrary() {
    noClasses().that().resideInAPackage(ROOT + ".analysis..")
        .should().dependOnClassesThat(resideInAnyPackage("java.net..", "java.nio.channels..", "java.nio.file..",
            "okhttp3..", "okio..", "org.xbill.DNS..").and(not(equivalentTo(java.net.URI.class))))
        .because("the analysis is pure: observations in, verdict out")
        .check(classes);
  }

  @Test
  void analysisUsesOnlyThePureTablesOfNet() {
    noClasses().that().resideInAPackage(ROOT + ".analysis..")
        .should().dependOnClassesThat(resideInAnyPackage(ROOT + ".net..")
            .and(not(equivalentTo(dev.msgprobe.net.Bogons.class)))
            .and(not(equivalentTo(dev.msgprobe.net.IpLiterals.class)))
            .and(not(equivalentTo(dev.msgprobe.net.IpEndpoint.class))))
        .because("analysis may share net's bogon table and address parsing, which open nothing")
        .check(classes);
  }

  @Test
  void modelUsesNoLibraryButJacksonAnnotations() {
    noClasses().that().resideInAPackage(ROOT + ".model..")
        .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.databind..",
            "com.fasterxml.jackson.core..", "okhttp3..", "okio..", "org.xbill.DNS..", "picocli..")
        .check(classes);
  }

  /** The package table: package name to the packages of ours it may use ("—" for none). */
  static Map<String, Set<String>> packageTable(List<String> lines) {
    Map<String, Set<String>> table = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher row = ROW.matcher(line.strip());
      if (row.matches()) {
        Set<String> uses = new TreeSet<>();
        Matcher name = NAME.matcher(row.group(2));
        while (name.find()) {
          uses.add(name.group(1));
        }
        table.put(row.group(1), uses);
      }
    }
    assertThat(table).as("package table rows in " + PACKAGE_MAP).isNotEmpty();
    return table;
  }

  @Test
  void packageTableRowsAreReadWithTheirArrows() {
    Map<String, Set<String>> table = packageTable(Arrays.asList(
        "| `a` | things | `b`, `c` |",
        "| `b` | other things | — |",
        "| library | used only in |"));

    assertThat(table).containsExactly(Map.entry("a", Set.of("b", "c")), Map.entry("b", Set.of()));
  }
}
