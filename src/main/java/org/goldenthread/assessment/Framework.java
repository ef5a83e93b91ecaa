package org.goldenthread.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A maturity framework as data: principles (grouped, for instance, into expectations and
 * principles), each with indicators, and one maturity scale whose every level each indicator
 * describes. This is also the file format that imports and exports.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Framework(
        @Nullable String code,
        @Nullable String title,
        @Nullable String description,
        List<ScaleLevel> scale,
        List<Principle> principles) {

    /** One step of the maturity scale, numbered from 1 (least mature). */
    public record ScaleLevel(
            Integer level, String name, @Nullable String meaning) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Principle(
            String code,
            @Nullable String group,
            String title,
            @Nullable String description,
            List<Indicator> indicators) {}

    /**
     * What is rated. {@code descriptors} describe each level of the scale in order; {@code evidence}
     * names the live figures proposed as evidence when a cycle opens.
     */
    public record Indicator(String code, String text, List<String> descriptors, List<String> evidence) {

        @Override
        public List<String> evidence() {
            return evidence == null ? List.of() : evidence;
        }
    }

    public Stream<Indicator> indicators() {
        return principles.stream().flatMap(p -> p.indicators().stream());
    }

    public Optional<Indicator> indicator(String code) {
        return indicators().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<Principle> principleOf(String indicatorCode) {
        return principles.stream()
                .filter(p -> p.indicators().stream().anyMatch(i -> i.code().equals(indicatorCode)))
                .findFirst();
    }

    public String levelName(int level) {
        return level >= 1 && level <= scale.size() ? scale.get(level - 1).name() : String.valueOf(level);
    }
}
