package io.sluice.gateway.access;

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
    void dropsPartsWithNothingButCommentsAndBlanks() {
        assertThat(StatementSplitter.split("SELECT 1; -- done\n ;/* really */")).containsExactly("SELECT 1");
    }
}
