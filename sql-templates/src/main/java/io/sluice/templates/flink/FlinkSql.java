package io.sluice.templates.flink;

import java.util.List;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.flink.sql.parser.impl.FlinkSqlParserImpl;
import org.apache.flink.sql.parser.validate.FlinkSqlConformance;

/** Flink's own SQL parser with the configuration its planner uses for the default dialect. */
final class FlinkSql {

    static final SqlParser.Config CONFIG = SqlParser.config()
            .withParserFactory(FlinkSqlParserImpl.FACTORY)
            .withConformance(FlinkSqlConformance.DEFAULT)
            .withLex(Lex.JAVA)
            .withIdentifierMaxLength(256);

    private FlinkSql() {}

    /** @throws NotParsed with the parser's first line of explanation */
    static List<SqlNode> parse(String sql) {
        try {
            return SqlParser.create(sql, CONFIG).parseStmtList().getList();
        } catch (SqlParseException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            throw new NotParsed(message.lines().findFirst().orElse("no reason given"));
        }
    }

    /** The statement is no Flink SQL; the reason can quote the statement, so only show it for text without values. */
    static final class NotParsed extends RuntimeException {
        NotParsed(String reason) {
            super(reason, null, false, false);
        }
    }
}
