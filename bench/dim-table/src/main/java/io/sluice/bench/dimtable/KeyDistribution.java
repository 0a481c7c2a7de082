package io.sluice.bench.dimtable;

import java.io.Serializable;

/**
 * The probe key of stream record {@code index}: a pure function of the index, so every variant
 * sees the same key sequence and the generator costs the same everywhere.
 */
abstract class KeyDistribution implements Serializable {

    private static final long serialVersionUID = 1L;

    abstract int keyOf(long index);

    static KeyDistribution of(String name, int keys) {
        switch (name) {
            case "uniform":
                return new Uniform(keys);
            case "zipf":
                return new Zipf(keys, 1.0);
            default:
                throw new IllegalArgumentException("distribution must be uniform or zipf, not " + name);
        }
    }

    /** SplitMix64 finaliser: a well-mixed 64-bit value per index. */
    static long mix(long index) {
        long z = index * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class Uniform extends KeyDistribution {
        private final int keys;

        Uniform(int keys) {
            this.keys = keys;
        }

        @Override
        int keyOf(long index) {
            return (int) ((mix(index) >>> 1) % keys);
        }
    }

    /** Key k (0-based) has weight 1 / (k + 1)^s. */
    private static final class Zipf extends KeyDistribution {
        private final double[] cumulative;

        Zipf(int keys, double exponent) {
            cumulative = new double[keys];
            double sum = 0;
            for (int k = 0; k < keys; k++) {
                sum += 1.0 / Math.pow(k + 1, exponent);
                cumulative[k] = sum;
            }
            for (int k = 0; k < keys; k++) {
                cumulative[k] /= sum;
            }
        }

        @Override
        int keyOf(long index) {
            double u = (mix(index) >>> 11) * 0x1.0p-53;
            int low = 0;
            int high = cumulative.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (cumulative[mid] < u) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
