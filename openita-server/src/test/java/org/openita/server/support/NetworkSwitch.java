package org.openita.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The network between a browser and the server under test, with a switch: a TCP relay on its own local port that
 * passes every connection through to the server while on, and while off cuts the connections it carries and closes
 * every new one at once, so nothing the browser sends (from a page, a service worker or anything else) reaches the
 * server. It counts the connections it passed and the ones it refused.
 */
public final class NetworkSwitch implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong passed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong bytesToServer = new AtomicLong();
    private volatile boolean on = true;

    private NetworkSwitch(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptAll, "network-switch-" + listener.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    /** A switched network in front of the server on this local port; on at first. */
    public static NetworkSwitch to(int serverPort) throws IOException {
        return new NetworkSwitch(serverPort);
    }

    /** The port a browser opens the server at through this network. */
    public int port() {
        return listener.getLocalPort();
    }

    public void off() {
        on = false;
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    public void on() {
        on = true;
    }

    /** Connections passed through to the server so far. */
    public long passed() {
        return passed.get();
    }

    /**
     * Bytes the browser sent to the server so far: a request on a connection kept open from before counts here, where
     * {@link #passed} sees no new connection.
     */
    public long bytesToServer() {
        return bytesToServer.get();
    }

    /** Connections closed unanswered because the network was off. */
    public long refused() {
        return refused.get();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (!on) {
                refused.incrementAndGet();
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                passed.incrementAndGet();
                open.add(client);
                open.add(server);
                pipe(client, server, bytesToServer);
                pipe(server, client, new AtomicLong());
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pipe(Socket from, Socket to, AtomicLong bytes) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!on) {
                        break;
                    }
                    bytes.addAndGet(n);
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a side closed: the connection ends
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "network-switch-pipe");
        t.setDaemon(true);
        t.start();
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        off();
        listener.close();
    }
}
