package io.sluice.gateway.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listening socket on loopback that a hostile connection config points its driver or client at: it counts the
 * connections it is offered (and closes them), so a test sees whether anything tried to reach that address.
 */
public final class TrapAddress implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connects = new AtomicInteger();

    public TrapAddress() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "trap-address-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket ignored = socket.accept()) {
                connects.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** {@code 127.0.0.1:<port>} */
    public String hostAndPort() {
        return "127.0.0.1:" + port();
    }

    /** Connections offered so far. */
    public int connects() {
        return connects.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
