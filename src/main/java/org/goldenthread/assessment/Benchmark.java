package org.goldenthread.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Peer benchmarking: how the ICSs that shared a closed cycle rated each indicator of a framework.
 * The pool holds no ICS identity, and nothing is shown until enough ICSs contribute that no one
 * rating can be pinned on an ICS by knowing who took part; an indicator only some ICSs added to
 * their copy of the framework is shown only when enough of them rated it.
 */
@Service
class Benchmark {

    static final int MIN_CONTRIBUTORS = 5;

    private final JdbcClient jdbc;

    Benchmark(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many ICSs rated an indicator at each level of the scale, with the median level. */
    record Distribution(String indicator, int[] counts, double median) {

        public int total() {
            int total = 0;
            for (int c : counts) {
                total += c;
            }
            return total;
        }

        /** The share at a level (1-based) as a whole percentage, for drawing. */
        public int percentAt(int level) {
            return total() == 0 ? 0 : Math.round(100f * counts[level - 1] / total());
        }
    }

    /** The pool for one framework: its contributors and, when there are enough of them, the distributions. */
    record Pool(String framework, int contributors, boolean shown, List<Distribution> indicators) {}

    Pool pool(String frameworkCode, int scaleSize) {
        int contributors = jdbc.sql("""
                        select count(distinct contribution) from benchmark_rating
                         where framework_code = :f and scale_size = :s""")
                .param("f", frameworkCode)
                .param("s", scaleSize)
                .query(Integer.class)
                .single();
        if (contributors < MIN_CONTRIBUTORS) {
            return new Pool(frameworkCode, contributors, false, List.of());
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select indicator, level, count(*) as n from benchmark_rating b
                         where framework_code = :f and scale_size = :s
                           and (select count(distinct contribution) from benchmark_rating o
                                 where o.framework_code = b.framework_code and o.scale_size = b.scale_size
                                   and o.indicator = b.indicator) >= :min
                         group by indicator, level order by indicator, level""")
                .param("f", frameworkCode)
                .param("s", scaleSize)
                .param("min", MIN_CONTRIBUTORS)
                .query((rs, n) -> counts.computeIfAbsent(rs.getString("indicator"), k -> new int[scaleSize])[
                                rs.getInt("level") - 1] =
                        rs.getInt("n"))
                .list();
        List<Distribution> indicators = new ArrayList<>();
        counts.forEach((indicator, c) -> indicators.add(new Distribution(indicator, c, median(c))));
        return new Pool(frameworkCode, contributors, true, indicators);
    }

    static double median(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return (levelAt(counts, (total - 1) / 2) + levelAt(counts, total / 2)) / 2.0;
    }

    private static int levelAt(int[] counts, int index) {
        int seen = 0;
        for (int level = 0; level < counts.length; level++) {
            seen += counts[level];
            if (index < seen) {
                return level + 1;
            }
        }
        return counts.length;
    }
}
