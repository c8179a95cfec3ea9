package io.quarkiverse.live.deployment;

import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.inject.Qualifier;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.jandex.DotName;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.Shared;
import io.quarkiverse.live.Upload;
import io.quarkiverse.live.UploadedFile;
import io.smallrye.mutiny.Uni;

final class LiveDotNames {

    static final DotName LIVE = DotName.createSimple(Live.class);
    static final DotName SHARED = DotName.createSimple(Shared.class);
    static final DotName INJECT = DotName.createSimple(Inject.class);
    static final DotName CONFIG_PROPERTY = DotName.createSimple(ConfigProperty.class);
    static final DotName QUALIFIER = DotName.createSimple(Qualifier.class);
    static final DotName UNI = DotName.createSimple(Uni.class);
    static final DotName COMPLETION_STAGE = DotName.createSimple(CompletionStage.class);
    static final DotName VOID = DotName.createSimple(Void.class);
    static final DotName STRING = DotName.createSimple(String.class);
    static final DotName UPLOADED_FILE = DotName.createSimple(UploadedFile.class);
    static final DotName UPLOAD = DotName.createSimple(Upload.class);

    private LiveDotNames() {
    }
}
