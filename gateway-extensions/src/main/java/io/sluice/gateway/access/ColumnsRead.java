package io.sluice.gateway.access;

import org.apache.flink.table.catalog.ContextResolvedTable;
import org.apache.flink.table.planner.hint.FlinkHints;
import org.apache.flink.table.planner.plan.nodes.calcite.LogicalWatermarkAssigner;
import org.apache.flink.table.planner.plan.schema.TableSourceTable;

import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Snapshot;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns a query reads from each table it scans, found by walking its relational tree from the root down and
 * asking, at every node, which input columns the columns needed above depend on. A column counts as read when it
 * is returned, filtered on, joined on, grouped by, sorted by, aggregated or passed to a function, also from inside
 * a subquery or a lateral call through a correlation variable. Metadata's column origins would miss the ones that
 * are only filtered or joined on.
 *
 * <p>Node kinds it does not know are read in full, so an unknown shape can only make it report too much.
 */
final class ColumnsRead {

    /** Receives each scan with the names of the columns read from it. */
    interface Scans {
        void read(ContextResolvedTable table, List<String> columns, Map<String, String> hintedOptions);
    }

    private final Scans scans;
    /** Columns of an outer row that a correlated subquery or lateral call uses, by correlation variable. */
    private final Map<CorrelationId, ImmutableBitSet> correlated = new HashMap<>();

    private ColumnsRead(Scans scans) {
        this.scans = scans;
    }

    /** Reports every table the tree scans, with the columns its result depends on. */
    static void of(RelNode root, Scans scans) {
        new ColumnsRead(scans).visit(root, all(root));
    }

    private void visit(RelNode node, ImmutableBitSet needed) {
        if (node instanceof TableScan scan) {
            scanned(scan, needed);
        } else if (node instanceof Project project) {
            ImmutableBitSet.Builder input = ImmutableBitSet.builder();
            List<RexNode> projections = project.getProjects();
            for (int i = 0; i < projections.size(); i++) {
                // every projection is walked, so a subquery's tables count even where its value is not returned
                ImmutableBitSet used = refs(projections.get(i));
                if (needed.get(i)) {
                    input.addAll(used);
                }
            }
            visit(project.getInput(), withCorrelated(input.build(), node));
        } else if (node instanceof Filter filter) {
            visit(filter.getInput(), withCorrelated(needed.union(refs(filter.getCondition())), node));
        } else if (node instanceof Join join) {
            join(join, needed);
        } else if (node instanceof Correlate correlate) {
            correlate(correlate, needed);
        } else if (node instanceof Aggregate aggregate) {
            visit(aggregate.getInput(), aggregateInputs(aggregate));
        } else if (node instanceof Sort sort) {
            ImmutableBitSet.Builder input = needed.rebuild();
            for (RelFieldCollation collation : sort.getCollation().getFieldCollations()) {
                input.set(collation.getFieldIndex());
            }
            visit(sort.getInput(), input.build());
        } else if (node instanceof SetOp setOp) {
            // UNION ALL keeps rows as they are; the other set operations compare whole rows.
            boolean byPosition = setOp instanceof Union && setOp.all;
            for (RelNode input : setOp.getInputs()) {
                visit(input, byPosition ? needed : all(input));
            }
        } else if (node instanceof Snapshot snapshot) {
            refs(snapshot.getPeriod());
            visit(snapshot.getInput(), needed);
        } else if (node instanceof LogicalWatermarkAssigner watermark) {
            // The watermark belongs to the table's definition, not to the query: it reads nothing on its own.
            visit(watermark.getInput(), needed);
        } else if (node instanceof TableFunctionScan function) {
            tableFunction(function, needed);
        } else if (node instanceof Values) {
            // literals: nothing read
        } else {
            everything(node);
        }
    }

    private void scanned(TableScan scan, ImmutableBitSet needed) {
        TableSourceTable table = scan.getTable().unwrap(TableSourceTable.class);
        if (table == null) {
            throw new IllegalStateException(
                    "Cannot tell which table " + scan.getTable().getQualifiedName() + " is; refusing the statement.");
        }
        List<String> names = scan.getRowType().getFieldNames();
        List<String> columns = new ArrayList<>(needed.cardinality());
        for (int i : needed) {
            columns.add(names.get(i));
        }
        scans.read(table.contextResolvedTable(), columns, FlinkHints.getHintedOptions(scan.getHints()));
    }

    private void join(Join join, ImmutableBitSet needed) {
        int leftCount = join.getLeft().getRowType().getFieldCount();
        ImmutableBitSet fromCondition = withCorrelated(refs(join.getCondition()), join);
        ImmutableBitSet both = needed.union(fromCondition);
        visit(join.getLeft(), both.intersect(ImmutableBitSet.range(0, leftCount)));
        // semi and anti joins return only the left side's columns, so `needed` never reaches the right side
        visit(join.getRight(), both.get(leftCount, Integer.MAX_VALUE).shift(-leftCount));
    }

    private void correlate(Correlate correlate, ImmutableBitSet needed) {
        int leftCount = correlate.getLeft().getRowType().getFieldCount();
        RelNode right = correlate.getRight();
        // the right side first: it tells which columns of the left row it uses through the correlation variable
        visit(right, needed.get(leftCount, Integer.MAX_VALUE).shift(-leftCount));
        ImmutableBitSet left =
                needed.intersect(ImmutableBitSet.range(0, leftCount))
                        .union(correlate.getRequiredColumns())
                        .union(correlated.getOrDefault(correlate.getCorrelationId(), ImmutableBitSet.of()));
        visit(correlate.getLeft(), left);
    }

    /** Grouping keys always shape the result; every aggregate's arguments, filter and order are read. */
    private static ImmutableBitSet aggregateInputs(Aggregate aggregate) {
        ImmutableBitSet.Builder input = aggregate.getGroupSet().rebuild();
        for (ImmutableBitSet groupSet : aggregate.getGroupSets()) {
            input.addAll(groupSet);
        }
        for (AggregateCall call : aggregate.getAggCallList()) {
            input.addAll(call.getArgList());
            if (call.filterArg >= 0) {
                input.set(call.filterArg);
            }
            for (RelFieldCollation collation : call.collation.getFieldCollations()) {
                input.set(collation.getFieldIndex());
            }
        }
        return input.build();
    }

    /**
     * A table function over a table (window functions such as {@code TUMBLE(TABLE t, DESCRIPTOR(ts), …)}) returns
     * the table's columns first, and reads the ones its arguments refer to or name in a descriptor.
     */
    private void tableFunction(TableFunctionScan function, ImmutableBitSet needed) {
        ImmutableBitSet fromCall = refs(function.getCall());
        for (RelNode input : function.getInputs()) {
            ImmutableBitSet fields = ImmutableBitSet.range(0, input.getRowType().getFieldCount());
            ImmutableBitSet read =
                    needed.union(fromCall).union(described(function.getCall(), input)).intersect(fields);
            visit(input, read);
        }
    }

    /** The input columns a {@code DESCRIPTOR(…)} argument names; all of them if one name does not resolve. */
    private static ImmutableBitSet described(RexNode call, RelNode input) {
        List<String> names = input.getRowType().getFieldNames();
        ImmutableBitSet.Builder fields = ImmutableBitSet.builder();
        call.accept(
                new RexShuttle() {
                    @Override
                    public RexNode visitCall(RexCall descriptor) {
                        if (descriptor.getKind() != SqlKind.DESCRIPTOR) {
                            return super.visitCall(descriptor);
                        }
                        for (RexNode operand : descriptor.getOperands()) {
                            String name = operand instanceof RexLiteral literal ? literal.getValueAs(String.class) : null;
                            int index = name == null ? -1 : names.indexOf(name);
                            fields.addAll(index < 0 ? ImmutableBitSet.range(names.size()) : ImmutableBitSet.of(index));
                        }
                        return descriptor;
                    }
                });
        return fields.build();
    }

    /** A node this class has no rule for: all its expressions and every column of every input count as read. */
    private void everything(RelNode node) {
        node.accept(new Refs());
        for (RelNode input : node.getInputs()) {
            visit(input, withCorrelated(all(input), node));
        }
    }

    private ImmutableBitSet withCorrelated(ImmutableBitSet fields, RelNode node) {
        ImmutableBitSet result = fields;
        for (CorrelationId id : node.getVariablesSet()) {
            result = result.union(correlated.getOrDefault(id, ImmutableBitSet.of()));
        }
        return result;
    }

    /** The input columns an expression uses; subqueries inside it are visited on the way. */
    private ImmutableBitSet refs(RexNode expression) {
        Refs refs = new Refs();
        expression.accept(refs);
        return refs.fields.build();
    }

    private static ImmutableBitSet all(RelNode node) {
        return ImmutableBitSet.range(node.getRowType().getFieldCount());
    }

    /** Collects input references, notes correlated field uses, and walks into subqueries' trees. */
    private final class Refs extends RexShuttle {
        final ImmutableBitSet.Builder fields = ImmutableBitSet.builder();

        @Override
        public RexNode visitInputRef(RexInputRef inputRef) {
            fields.set(inputRef.getIndex());
            return inputRef;
        }

        @Override
        public RexNode visitFieldAccess(RexFieldAccess fieldAccess) {
            if (fieldAccess.getReferenceExpr() instanceof RexCorrelVariable variable) {
                correlated.merge(
                        variable.id, ImmutableBitSet.of(fieldAccess.getField().getIndex()), ImmutableBitSet::union);
                return fieldAccess;
            }
            return super.visitFieldAccess(fieldAccess);
        }

        @Override
        public RexNode visitSubQuery(RexSubQuery subQuery) {
            super.visitSubQuery(subQuery);
            // EXISTS asks only whether rows come back; IN, SOME and scalar subqueries use their values
            visit(subQuery.rel, subQuery.getKind() == SqlKind.EXISTS ? ImmutableBitSet.of() : all(subQuery.rel));
            return subQuery;
        }
    }
}
