package io.sluice.bench.dimtable;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.connector.source.lookup.LookupFunctionProvider;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;

import java.util.Set;

/**
 * The ceiling: a lookup table answered from a plain HashMap filled once from PostgreSQL. No
 * eviction, no expiry, no metrics, no reload: nothing a real cache could do cheaper.
 */
public final class HashMapDimFactory implements DynamicTableSourceFactory {

    static final ConfigOption<String> URL = ConfigOptions.key("url").stringType().noDefaultValue();
    static final ConfigOption<String> TABLE = ConfigOptions.key("table").stringType().noDefaultValue();

    @Override
    public String factoryIdentifier() {
        return "bench-hashmap";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(URL, TABLE);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        String url = helper.getOptions().get(URL);
        String table = helper.getOptions().get(TABLE);
        return new LookupTableSource() {
            @Override
            public LookupRuntimeProvider getLookupRuntimeProvider(LookupContext lookup) {
                return LookupFunctionProvider.of(new HashMapLookupFunction(url, table));
            }

            @Override
            public DynamicTableSource copy() {
                return this;
            }

            @Override
            public String asSummaryString() {
                return "bench-hashmap";
            }
        };
    }
}
