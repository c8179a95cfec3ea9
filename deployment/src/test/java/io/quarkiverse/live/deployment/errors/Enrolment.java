package io.quarkiverse.live.deployment.errors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import io.quarkiverse.live.Live;

@Live
public class Enrolment {

    int saved;

    void save(@Valid Member member) {
        saved++;
    }

    void rate(@Min(1) int stars) {
    }

    public record Member(@NotBlank String name, String email, Address address) {
    }

    public record Address(@NotBlank String street) {
    }
}
