package io.quarkiverse.live.deployment.samename.a;

import io.quarkiverse.live.Live;

@Live
public class Widget {
    int a;
}
