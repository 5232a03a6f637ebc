package org.cleanblog.persistence.copy;

import java.util.concurrent.CountDownLatch;

/**
 * A process for {@link KilledCopyTest}: copies {@code args[0]} into {@code args[1]} with {@code --replace}, prints
 * {@link #MARKER} once every comment is written (before verification and commit) and then waits to be killed.
 */
public final class CopyUntilKilled {
    static final String MARKER = "COMMENTS WRITTEN, WAITING TO BE KILLED";

    private CopyUntilKilled() {}

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        BlogCopy.from(args[0], null, null)
                .to(args[1], null, null)
                .replace(true)
                .listener(new CopyListener() {
                    @Override
                    public void tableFinished(String table, long rowsRead, long rowsWritten) {
                        if (table.equals("comments")) {
                            System.out.println(MARKER);
                            System.out.flush();
                            try {
                                never.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                })
                .run();
    }
}
