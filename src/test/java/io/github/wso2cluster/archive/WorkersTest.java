package io.github.wso2cluster.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WorkersTest {

    @Test
    void resultsComeInTheTasksOrderAndTheFirstFailureAsItWasThrown() throws Exception {
        assertEquals(List.of(1, 2, 3), Workers.run("t", 2, List.of(() -> 1, () -> 2, () -> 3)));
        IOException e = assertThrows(IOException.class, () -> Workers.run("t", 2, List.<Callable<Integer>>of(() -> 1,
                () -> {
                    throw new IOException("disk full");
                })));
        assertEquals("disk full", e.getMessage());
        assertThrows(ArchiveException.class, () -> Workers.run("t", 1, List.<Callable<Integer>>of(() -> {
            throw new ArchiveException("bad zip");
        })));
    }

    /**
     * An OutOfMemoryError that escapes a task's future (seen unpacking 150,000 entries with 256 MB of heap) left
     * the future unfinished and the build waiting for ever: it must end the wait instead.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anErrorThatEscapesItsFutureEndsTheWait() {
        Callable<Integer> escaping = () -> {
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, new OutOfMemoryError("Java heap space"));
            Thread.sleep(60_000); // the future never completes
            return 1;
        };
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> Workers.run("t", 2, List.of(escaping)));
        assertEquals("Java heap space", e.getMessage());
    }
}
