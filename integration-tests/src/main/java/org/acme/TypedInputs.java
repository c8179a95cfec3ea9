package org.acme;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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

    void moment(LocalDateTime at, LocalTime time, Instant instant) {
        last = "moment " + at.getHour() + " " + time.getMinute() + " " + instant.getEpochSecond();
    }

    void scalars(long big, double ratio, boolean flag, BigInteger huge, char letter) {
        last = "scalars " + big + " " + ratio + " " + flag + " " + huge + " " + letter;
    }

    void password(@Valid Passwords passwords) {
        last = "password set";
    }

    void code(@Pattern(regexp = "[A-Z]{3}") String code) {
        last = "code " + code;
    }

    @PasswordsMatch
    public record Passwords(@NotBlank String password, String repeated) {
    }

    public record Person(@NotBlank String name, @Valid Address address) {
    }

    public record Address(@NotBlank String street) {
    }
}
