package org.acme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkiverse.live.Live;

/**
 * One handler per kind of parameter: the protocol tests send each good and bad input.
 */
@Live(path = "/typed")
public class TypedInputs {

    String last = "";

    void number(int n) {
        last = "int " + n;
    }

    void amount(BigDecimal amount) {
        last = "amount " + amount;
    }

    void day(LocalDate day) {
        last = "day " + day.getDayOfWeek();
    }

    void id(UUID id) {
        last = "uuid " + id;
    }

    void plan(Signup.Plan plan) {
        last = "plan " + plan;
    }

    void tags(List<String> tags, Set<Integer> numbers) {
        last = "tags " + tags + " " + numbers.size();
    }

    void text(String text) {
        last = "text " + text.length();
    }

    void person(@Valid Person person) {
        last = "person " + person.name() + " of " + person.address().street();
    }

    void named(@NotBlank @Size(max = 5) String name) {
        last = "named " + name;
    }

    public record Person(@NotBlank String name, @Valid Address address) {
    }

    public record Address(@NotBlank String street) {
    }
}
