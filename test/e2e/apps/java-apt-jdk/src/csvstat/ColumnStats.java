package csvstat;

/** Running statistics of one numeric column: count, minimum, maximum and mean. */
final class ColumnStats {
    final String name;
    private long count;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double sum;

    ColumnStats(String name) {
        this.name = name;
    }

    void add(double value) {
        count++;
        min = Math.min(min, value);
        max = Math.max(max, value);
        sum += value;
    }

    long count() {
        return count;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    @Override
    public String toString() {
        return String.format("%-12s count=%d min=%.2f max=%.2f mean=%.2f", name, count, min, max, mean());
    }
}
