package io.sluice.gateway.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    @Test
    void splitsAtSemicolonsThatEndStatements() {
        assertThat(StatementSplitter.split("SELECT 1; SELECT 2;")).containsExactly("SELECT 1", " SELECT 2");
    }

    @Test
    void keepsSemicolonsInLiteralsIdentifiersAndComments() {
        assertThat(StatementSplitter.split("SELECT 'a;''b' AS `x;y` -- c;d\nFROM t /* e;f */")).hasSize(1);
        assertThat(StatementSplitter.split("SELECT \"a;b\"")).hasSize(1);
    }

    @Test
    void keepsAStatementSetBlockWhole() {
        assertThat(StatementSplitter.split(
                        "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END; SELECT 3"))
                .containsExactly(
                        "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END", " SELECT 3");
        assertThat(StatementSplitter.split("EXPLAIN CHANGELOG_MODE STATEMENT SET BEGIN INSERT INTO a SELECT 1; END"))
                .hasSize(1);
    }

    @Test
    void commentsAndCaseDoNotHideAStatementSet() {
        assertThat(StatementSplitter.split(
                        "execute /* a */ statement\n\tset -- b\n begin insert into a select 1; insert into b select 2; end ;"))
                .hasSize(1);
        assertThat(StatementSplitter.split("EXECUTE INSERT INTO a SELECT 1; SELECT 2")).hasSize(2);
    }

    @Test
    void splitsInTimeLinearInTheText() {
        // 80 KB of statements inside one statement set: every semicolon used to rescan the text before it
        String set = "EXECUTE STATEMENT SET BEGIN " + "INSERT INTO a SELECT 1; ".repeat(3_500) + "END";
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(StatementSplitter.split(set)).hasSize(1);
        }
        assertThat(System.nanoTime() - start).as("20 splits of 84 KB").isLessThan(2_000_000_000L);
    }

    @Test
    void dropsPartsWithNothingButCommentsAndBlanks() {
        assertThat(StatementSplitter.split("SELECT 1; -- done\n ;/* really */")).containsExactly("SELECT 1");
    }
}
