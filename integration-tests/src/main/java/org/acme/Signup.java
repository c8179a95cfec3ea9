package org.acme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkiverse.live.Live;

/**
 * A signup form: validated on submit, and checked while the user types (errors show only for fields already touched).
 * One submit shows every message: a value that is no number and an empty required field come together.
 */
@Live(path = "/signup")
public class Signup {

    Registration registered;
    int saves;

    void save(@Valid Registration registration) {
        registered = registration;
        saves++;
    }

    /** Only validates: the errors the template shows come from the rejected calls. */
    void check(@Valid Registration registration) {
    }

    public enum Plan {
        FREE,
        PRO,
        TEAM
    }

    public record Registration(
            @NotBlank @Size(max = 40) String name,
            @NotBlank @Email String email,
            @Min(18) @Max(130) int age,
            @NotNull Plan plan,
            @AssertTrue(message = "please accept the terms") boolean terms) {
    }
}
