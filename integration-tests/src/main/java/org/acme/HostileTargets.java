package org.acme;

import java.math.BigDecimal;
import java.math.BigInteger;

import io.quarkiverse.live.Live;

/**
 * Handlers taking the number types the hostile-input tests aim at: floating point and arbitrary precision, as plain
 * parameters, record components and POJO properties.
 */
@Live(path = "/hostile")
public class HostileTargets {

    String last = "";

    void echo(String text) {
        last = text;
    }

    void ratio(double ratio) {
        last = "ratio " + ratio;
    }

    void scales(float scale, Double boxed, Float boxedFloat) {
        last = "scales " + scale + " " + boxed + " " + boxedFloat;
    }

    void money(BigDecimal amount, BigInteger count) {
        last = "money " + amount + " " + count;
    }

    void order(Order order) {
        last = "order " + order.item() + " " + order.weight() + " " + order.price() + " " + order.quantity() + " "
                + order.discount();
    }

    void parcel(Parcel parcel) {
        last = "parcel " + parcel.width + " " + parcel.value;
    }

    public record Order(String item, double weight, BigDecimal price, BigInteger quantity, Float discount) {
    }

    /** A class bound by its public fields. */
    public static class Parcel {
        public double width;
        public BigDecimal value;
    }
}
