package io.sluice.templates.flink;

import io.sluice.templates.SqlLexer;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.dialect.AnsiSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A parsed statement with every literal's value masked and everything else kept: statement kind, operators,
 * identifiers, the kind of each literal and the symbols (DISTINCT, join types, …) the parser stores as literals. Two
 * ways, both from the parse tree: the tree walked node by node, and the parser's own SQL for the tree with its literal
 * tokens masked (covering what a node keeps outside its operands).
 */
final class StatementShape {

    private StatementShape() {}

    static String of(SqlNode statement) {
        StringBuilder shape = new StringBuilder();
        walk(statement, shape);
        return shape.append("\n").append(maskedSql(statement)).toString();
    }

    private static void walk(SqlNode node, StringBuilder shape) {
        if (node == null) {
            shape.append("null");
        } else if (node instanceof SqlLiteral) {
            SqlLiteral literal = (SqlLiteral) node;
            shape.append(literal.getTypeName() == SqlTypeName.SYMBOL
                    ? "symbol(" + literal.getValue() + ")"
                    : "literal(" + literal.getTypeName() + ")");
        } else if (node instanceof SqlIdentifier) {
            SqlIdentifier identifier = (SqlIdentifier) node;
            shape.append("identifier").append(identifier.names).append(identifier.isStar() ? "*" : "");
        } else if (node instanceof SqlNodeList) {
            SqlNodeList list = (SqlNodeList) node;
            shape.append("[");
            list.forEach(item -> {
                walk(item, shape);
                shape.append(", ");
            });
            shape.append("]");
        } else if (node instanceof SqlCall) {
            SqlCall call = (SqlCall) node;
            shape.append(call.getClass().getSimpleName()).append(':').append(call.getKind()).append(':')
                    .append(call.getOperator().getName()).append('(');
            try {
                call.getOperandList().forEach(operand -> {
                    walk(operand, shape);
                    shape.append(", ");
                });
            } catch (UnsupportedOperationException e) {
                shape.append("operands not listed");
            }
            shape.append(')');
        } else if (node instanceof SqlDataTypeSpec) {
            SqlDataTypeSpec type = (SqlDataTypeSpec) node;
            shape.append("type(").append(type).append(')');
        } else {
            shape.append(node.getClass().getSimpleName()).append(':').append(node.getKind());
        }
    }

    /** The parser's SQL for the tree, each string literal as {@code '?'}, each number as 0, each boolean as BOOLEAN. */
    private static String maskedSql(SqlNode statement) {
        String sql;
        try {
            sql = statement.toSqlString(config -> config.withDialect(AnsiSqlDialect.DEFAULT)).getSql();
        } catch (RuntimeException e) {
            return "not written back: " + statement.getClass().getSimpleName();
        }
        StringBuilder masked = new StringBuilder();
        for (SqlLexer.Token token : SqlLexer.tokens(sql)) {
            if (token.quoted() && token.kind() != SqlLexer.Kind.QUOTED_IDENTIFIER) {
                masked.append("'?'");
            } else if (token.kind() == SqlLexer.Kind.NUMBER) {
                masked.append('0');
            } else if (token.kind() == SqlLexer.Kind.WORD && isBoolean(token.text())) {
                masked.append("BOOLEAN");
            } else {
                masked.append(token.text());
            }
        }
        return masked.toString();
    }

    private static boolean isBoolean(String word) {
        return word.equalsIgnoreCase("TRUE") || word.equalsIgnoreCase("FALSE") || word.equalsIgnoreCase("UNKNOWN");
    }
}
