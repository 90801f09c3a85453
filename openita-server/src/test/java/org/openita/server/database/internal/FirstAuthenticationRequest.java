package org.openita.server.database.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What a PostgreSQL server answers a client that announces itself and offers no password: the first message
 * of the wire protocol after the start-up packet. {@code trust} answers "AuthenticationOk"; SCRAM answers
 * "AuthenticationSASL SCRAM-SHA-256". Speaks the protocol by hand, with the JDK's own Unix-domain channel for
 * the socket, so that what the server answers is seen before any driver logic.
 */
final class FirstAuthenticationRequest {

    private FirstAuthenticationRequest() {
    }

    static String overTcp(String host, int port, String user, String database) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(10_000);
            return exchange(socket.getInputStream(), socket.getOutputStream(), user, database);
        }
    }

    static String overSocket(Path socketFile, String user, String database) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socketFile));
            return exchange(Channels.newInputStream(channel), Channels.newOutputStream(channel), user, database);
        }
    }

    private static String exchange(InputStream in, OutputStream out, String user, String database) throws IOException {
        byte[] parameters = ("user\0" + user + "\0database\0" + database + "\0\0").getBytes(StandardCharsets.UTF_8);
        out.write(ByteBuffer.allocate(8 + parameters.length).putInt(8 + parameters.length).putInt(196608).put(parameters).array());
        out.flush();
        DataInputStream reply = new DataInputStream(in);
        char type = (char) reply.readByte();
        byte[] body = new byte[reply.readInt() - 4];
        reply.readFully(body);
        if (type == 'E') {
            return "Error " + new String(body, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        }
        if (type != 'R') {
            return "Unexpected message " + type;
        }
        int code = ByteBuffer.wrap(body).getInt();
        return switch (code) {
            case 0 -> "AuthenticationOk";
            case 3 -> "AuthenticationCleartextPassword";
            case 5 -> "AuthenticationMD5Password";
            case 10 -> "AuthenticationSASL " + new String(body, 4, body.length - 4, StandardCharsets.UTF_8).replace('\0', ' ').trim();
            default -> "Authentication request " + code;
        };
    }
}
