package io.sluice.gateway.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.command.ExecutePlanOperation;
import org.apache.flink.table.operations.ddl.CompilePlanOperation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Every {@code Operation} class of Flink 2.2.1's table modules on the gateway's classpath (a scan of the jars of
 * flink-table-* and flink-sql-gateway) is either on the gate's list with a named rule, or refused: a kind nobody has
 * decided about can never run.
 */
class OperationRulesTest {

    private static final Set<Class<?>> OPERATIONS = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));

    @BeforeAll
    static void scanClasspath() throws IOException {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String jar = new File(entry).getName();
            if (!jar.endsWith(".jar") || !(jar.startsWith("flink-table") || jar.startsWith("flink-sql-gateway"))) {
                continue;
            }
            try (JarFile file = new JarFile(entry)) {
                for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith("org/apache/flink/") && name.endsWith(".class")) {
                        operation(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                    }
                }
            }
        }
    }

    private static void operation(String className) {
        try {
            Class<?> type = Class.forName(className, false, OperationRulesTest.class.getClassLoader());
            if (Operation.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                OPERATIONS.add(type);
            }
        } catch (ClassNotFoundException | LinkageError optionalDependencyMissing) {
            // a class whose dependencies are not on the classpath cannot be produced by the parser either
        }
    }

    @Test
    void theScanFindsFlinksOperations() {
        assertThat(OPERATIONS).as("Flink 2.2.1 has 116 concrete Operation classes in these jars").hasSizeGreaterThan(100)
                .contains(CompilePlanOperation.class, ExecutePlanOperation.class);
    }

    @Test
    void everyOperationIsListedWithANamedRuleOrRefused() {
        for (Class<?> type : OPERATIONS) {
            OperationRule rule = OperationRules.all().get(type);
            if (rule == null) {
                assertThat(OperationRules.ruleFor(type).kind()).as("%s is on no list", type.getName())
                        .isEqualTo(OperationRule.Kind.REFUSED);
            } else {
                assertThat(rule.reason()).as("the rule of %s", type.getName()).isNotBlank();
            }
        }
    }

    @Test
    void everyListedKindExistsInThisFlink() {
        assertThat(OPERATIONS).containsAll(OperationRules.all().keySet());
    }

    @Test
    void kindsThatReachFilesOrCodeAreRefusedOrLeftToTheDefinitionRules() {
        assertThat(OperationRules.ruleFor(CompilePlanOperation.class).kind()).isEqualTo(OperationRule.Kind.REFUSED);
        assertThat(OperationRules.ruleFor(ExecutePlanOperation.class).kind()).isEqualTo(OperationRule.Kind.REFUSED);
        for (Class<?> type : OPERATIONS) {
            List<String> words = List.of(OperationRules.statementKind(type).split(" "));
            boolean listing = words.get(0).equals("show");
            if (!listing && (words.contains("plan") || words.contains("procedure") || words.contains("materialized")
                    || words.contains("model"))) {
                assertThat(OperationRules.ruleFor(type).kind()).as(type.getName()).isEqualTo(OperationRule.Kind.REFUSED);
            }
        }
    }

    @Test
    void statementKindsReadAsWords() {
        assertThat(OperationRules.statementKind(CompilePlanOperation.class)).isEqualTo("compile plan");
        assertThat(OperationRules.statementKind(ExecutePlanOperation.class)).isEqualTo("execute plan");
    }
}
