package io.quarkiverse.live.deployment.samename.b;

import io.quarkiverse.live.Live;

@Live
public class Widget {
    int b;
}
