package dev.exchanger.server.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.io.IOException;

/** An {@link AsyncListener} that hears only the events it overrides; the others do nothing. */
interface AsyncEventListener extends AsyncListener {

    @Override
    default void onComplete(AsyncEvent event) throws IOException {
    }

    @Override
    default void onTimeout(AsyncEvent event) throws IOException {
    }

    @Override
    default void onError(AsyncEvent event) throws IOException {
    }

    @Override
    default void onStartAsync(AsyncEvent event) throws IOException {
    }
}
