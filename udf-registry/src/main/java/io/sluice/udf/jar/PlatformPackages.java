package io.sluice.udf.jar;

import java.util.List;
import java.util.Optional;

/**
 * What a function jar must not carry, as data with a reason each: classes the platform already provides (a copy
 * would clash with it, or be silently ignored by Flink's parent-first loading, so the function would run other code
 * than the tenant tested), plug-in registrations, nested jars and native code.
 */
final class PlatformPackages {

    record Rule(String prefix, String reason) {}

    /** Class-file path prefixes, checked case-insensitively (a case-folding file system unpacks them alike). */
    static final List<Rule> CLASSES = List.of(
            new Rule("org/apache/flink/", "bundles Flink classes: the platform provides Flink, mark it as provided"),
            new Rule("scala/", "bundles Scala classes: the platform's Flink provides them, mark them as provided"),
            new Rule("java/", "bundles classes in package java, which only the JDK may define"),
            new Rule("javax/", "bundles classes in package javax, which the JDK and the platform provide"),
            new Rule("jdk/", "bundles classes in package jdk, which only the JDK may define"),
            new Rule("sun/", "bundles JDK-internal classes (sun.*)"),
            new Rule("com/sun/", "bundles JDK-internal classes (com.sun.*)"),
            new Rule("io/sluice/", "bundles Sluice's own classes"),
            new Rule("org/slf4j/", "bundles SLF4J: the platform provides logging, mark it as provided"),
            new Rule("org/apache/log4j/", "bundles Log4j: the platform provides logging, mark it as provided"),
            new Rule("org/apache/logging/log4j/", "bundles Log4j: the platform provides logging, mark it as provided"),
            new Rule("ch/qos/logback/", "bundles Logback: the platform provides logging"),
            new Rule("org/apache/kafka/", "bundles the Kafka client: the platform's Kafka connector provides it"),
            new Rule("org/postgresql/", "bundles a JDBC driver (PostgreSQL): functions do not open database connections"),
            new Rule("org/mariadb/", "bundles a JDBC driver (MariaDB): functions do not open database connections"),
            new Rule("com/mysql/", "bundles a JDBC driver (MySQL): functions do not open database connections"),
            new Rule("org/h2/", "bundles a JDBC driver (H2): functions do not open database connections"),
            new Rule("org/apache/derby/", "bundles a JDBC driver (Derby): functions do not open database connections"),
            new Rule("org/hsqldb/", "bundles a JDBC driver (HSQLDB): functions do not open database connections"),
            new Rule("oracle/jdbc/", "bundles a JDBC driver (Oracle): functions do not open database connections"));

    /** Entries other than classes, by path prefix or suffix. */
    static final List<Rule> SERVICES = List.of(
            new Rule("meta-inf/services/java.sql.driver", "registers a JDBC driver: functions do not open database connections"),
            new Rule("meta-inf/services/org.apache.flink.", "registers Flink plug-ins (connectors, formats, catalogs): a function jar provides functions only"),
            new Rule("meta-inf/services/javax.annotation.processing.processor", "registers an annotation processor"),
            new Rule("meta-inf/services/java.lang.instrument", "registers a Java agent"),
            new Rule("meta-inf/services/java.security.provider", "registers a security provider"),
            new Rule("meta-inf/services/java.nio.file.spi.", "registers a file system provider"));

    static final List<Rule> SUFFIXES = List.of(
            new Rule(".jar", "holds a nested jar, which Flink's class loader does not read: shade its classes instead"),
            new Rule(".so", "holds native code"),
            new Rule(".dll", "holds native code"),
            new Rule(".dylib", "holds native code"),
            new Rule(".jnilib", "holds native code"));

    private PlatformPackages() {}

    /** Why an entry of this (lower-cased) path is refused, if it is. */
    static Optional<String> refusal(String lowerCasePath) {
        if (lowerCasePath.endsWith(".class")) {
            for (Rule rule : CLASSES) {
                if (lowerCasePath.startsWith(rule.prefix())) {
                    return Optional.of(rule.reason());
                }
            }
        }
        for (Rule rule : SERVICES) {
            if (lowerCasePath.startsWith(rule.prefix())) {
                return Optional.of(rule.reason());
            }
        }
        for (Rule rule : SUFFIXES) {
            if (lowerCasePath.endsWith(rule.prefix())) {
                return Optional.of(rule.reason());
            }
        }
        return Optional.empty();
    }
}
