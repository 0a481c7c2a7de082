package io.sluice.gateway.access;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.planner.operations.PlannerQueryOperation;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void shapes() {
        TableEnvironmentInternal env = Sessions.withCatalog();
        String[] sqls = {
            "SELECT o.order_id, p.name FROM orders AS o JOIN test.demo_pg.products FOR SYSTEM_TIME AS OF o.proc AS p ON o.product_id = p.product_id",
            "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end",
            "SELECT order_id FROM orders o WHERE EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.order_id AND p.pay_method = 'card')",
            "SELECT order_id FROM orders /*+ OPTIONS('rows-per-second'='5') */ WHERE status IN (SELECT country FROM customers)",
        };
        StatementAnalyzer analyzer = new StatementAnalyzer();
        for (String sql : sqls) {
            long t0 = System.nanoTime();
            StatementAnalyzer.Analysis a = analyzer.analyze(env, sql);
            long t1 = System.nanoTime();
            for (Operation op : a.operations()) {
                if (op instanceof PlannerQueryOperation q) System.out.println(RelOptUtil.toString(q.getCalciteTree()));
            }
            System.out.println(sql + "\n  => " + a.access() + " in " + (t1 - t0) / 1000 + " us");
        }
        for (int k = 0; k < 200; k++) analyzer.analyze(env, sqls[k % 4]);
        long t0 = System.nanoTime();
        for (int k = 0; k < 200; k++) analyzer.analyze(env, sqls[k % 4]);
        System.out.println("avg us " + (System.nanoTime() - t0) / 200_000);
    }
}
