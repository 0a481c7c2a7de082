package io.sluice.udf;

/** A starting source per kind of function, offered to users who write a function online. */
public final class SourceTemplates {

    private SourceTemplates() {}

    /** A compiling source of a function of {@code kind}, class {@code className}, to edit. */
    public static String of(FunctionKind kind, String className) {
        int dot = className.lastIndexOf('.');
        String packageLine = dot < 0 ? "" : "package " + className.substring(0, dot) + ";\n\n";
        String simple = className.substring(dot + 1);
        return packageLine + switch (kind) {
            case SCALAR -> """
                    import org.apache.flink.table.functions.ScalarFunction;

                    /** Called once per row: returns one value. */
                    public class %s extends ScalarFunction {
                        public String eval(String value) {
                            return value == null ? null : value.trim().toUpperCase();
                        }
                    }
                    """.formatted(simple);
            case TABLE -> """
                    import org.apache.flink.table.annotation.DataTypeHint;
                    import org.apache.flink.table.annotation.FunctionHint;
                    import org.apache.flink.table.functions.TableFunction;
                    import org.apache.flink.types.Row;

                    /** Called once per row: emits any number of rows (use with LATERAL TABLE). */
                    @FunctionHint(output = @DataTypeHint("ROW<word STRING, length INT>"))
                    public class %s extends TableFunction<Row> {
                        public void eval(String text) {
                            if (text == null) {
                                return;
                            }
                            for (String word : text.split("\\\\s+")) {
                                collect(Row.of(word, word.length()));
                            }
                        }
                    }
                    """.formatted(simple);
            case AGGREGATE -> """
                    import org.apache.flink.table.functions.AggregateFunction;

                    /** Folds the rows of a group into one value; retract lets it run on updating input. */
                    public class %s extends AggregateFunction<Double, %s.Sums> {
                        public static class Sums {
                            public double weighted;
                            public long weights;
                        }

                        @Override
                        public Sums createAccumulator() {
                            return new Sums();
                        }

                        public void accumulate(Sums acc, Double value, Integer weight) {
                            if (value != null && weight != null) {
                                acc.weighted += value * weight;
                                acc.weights += weight;
                            }
                        }

                        public void retract(Sums acc, Double value, Integer weight) {
                            if (value != null && weight != null) {
                                acc.weighted -= value * weight;
                                acc.weights -= weight;
                            }
                        }

                        @Override
                        public Double getValue(Sums acc) {
                            return acc.weights == 0 ? null : acc.weighted / acc.weights;
                        }
                    }
                    """.formatted(simple, simple);
            case TABLE_AGGREGATE -> """
                    import org.apache.flink.api.java.tuple.Tuple2;
                    import org.apache.flink.table.functions.TableAggregateFunction;
                    import org.apache.flink.util.Collector;

                    /** Folds the rows of a group into rows: here the two largest values with their rank. */
                    public class %s extends TableAggregateFunction<Tuple2<Integer, Integer>, %s.Top2> {
                        public static class Top2 {
                            public Integer first;
                            public Integer second;
                        }

                        @Override
                        public Top2 createAccumulator() {
                            return new Top2();
                        }

                        public void accumulate(Top2 acc, Integer value) {
                            if (value == null) {
                                return;
                            }
                            if (acc.first == null || value > acc.first) {
                                acc.second = acc.first;
                                acc.first = value;
                            } else if (acc.second == null || value > acc.second) {
                                acc.second = value;
                            }
                        }

                        public void emitValue(Top2 acc, Collector<Tuple2<Integer, Integer>> out) {
                            if (acc.first != null) {
                                out.collect(Tuple2.of(acc.first, 1));
                            }
                            if (acc.second != null) {
                                out.collect(Tuple2.of(acc.second, 2));
                            }
                        }
                    }
                    """.formatted(simple, simple);
        };
    }
}
