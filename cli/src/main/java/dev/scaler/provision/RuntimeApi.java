package dev.scaler.provision;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.scaler.engine.EngineException;
import dev.scaler.plan.HaproxyConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HAProxy's runtime API (management guide, "Unix Socket commands") of one load balancer, over TCP on the project
 * network: one connection per command, as the API closes it after answering.
 */
public final class RuntimeApi {
    private static final CsvMapper CSV = new CsvMapper();
    private static final int TIMEOUT_MS = 2000;
    // Type column of `show stat`: 2 is a server.
    private static final String SERVER = "2";
    private static final String FRONTEND = "0";

    private final String address;

    /** The API of the load balancer at {@code address} (its IP on the project network). */
    public RuntimeApi(String address) {
        this.address = address;
    }

    /** The load balancer's IP on the project network. */
    public String address() {
        return address;
    }

    /** The web backend's server slots with their address, status and current sessions. */
    public List<ServerSlot> slots() {
        return slots(send("show servers state " + HaproxyConfig.BACKEND), send("show stat"));
    }

    /** Requests the web frontend has answered since HAProxy started, and how many of them with a 5xx. */
    public record Traffic(long requests, long errors) {
        /** The sum of two load balancers' counts. */
        public Traffic plus(Traffic other) {
            return new Traffic(requests + other.requests, errors + other.errors);
        }

        /** What was counted since {@code before}. */
        public Traffic since(Traffic before) {
            return new Traffic(requests - before.requests, errors - before.errors);
        }
    }

    /** The web frontend's counts now. */
    public Traffic traffic() {
        return traffic(send("show stat"));
    }

    /** The web frontend's row of a `show stat` answer. */
    static Traffic traffic(String stats) {
        for (Map<String, String> row : rows(stats)) {
            if (FRONTEND.equals(row.get("type")) && HaproxyConfig.BACKEND.equals(row.get("pxname"))) {
                return new Traffic(number(row, "req_tot"), number(row, "hrsp_5xx"));
            }
        }
        return new Traffic(0, 0);
    }

    /** Sets a slot's administrative state: {@code drain} (no new requests) or {@code ready} (back to normal). */
    public void state(String slot, String state) {
        String answer = send("set server " + HaproxyConfig.BACKEND + "/" + slot + " state " + state).strip();
        if (!answer.isEmpty()) {
            throw new EngineException("the load balancer at " + address + " refused to set " + slot + " to " + state
                    + ": " + answer, "see `scaler status`; the load balancer may have been replaced meanwhile");
        }
    }

    /**
     * The web backend's slots from the answers to {@code show servers state web} (the address DNS gave each slot;
     * the stats CSV leaves it out) and {@code show stat} (status and current sessions, HAProxy's stats CSV).
     */
    static List<ServerSlot> slots(String serversState, String stats) {
        Map<String, String> addresses = addresses(serversState);
        var slots = new ArrayList<ServerSlot>();
        for (Map<String, String> row : rows(stats)) {
            if (SERVER.equals(row.get("type")) && HaproxyConfig.BACKEND.equals(row.get("pxname"))) {
                String name = row.get("svname");
                slots.add(new ServerSlot(name, addresses.getOrDefault(name, ""), row.getOrDefault("status", ""),
                        row.getOrDefault("check_status", ""), number(row, "scur")));
            }
        }
        return slots;
    }

    private static List<Map<String, String>> rows(String stats) {
        String text = stats.startsWith("# ") ? stats.substring(2) : stats;
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HAProxy's stats", e);
        }
    }

    private static long number(Map<String, String> row, String column) {
        String v = row.getOrDefault(column, "");
        return v.isEmpty() ? 0 : Long.parseLong(v);
    }

    /** Slot name to address from `show servers state`: a version line, a "# " header of column names, one row each. */
    static Map<String, String> addresses(String serversState) {
        var out = new java.util.HashMap<String, String>();
        List<String> columns = List.of();
        for (String line : serversState.lines().toList()) {
            if (line.startsWith("# ")) {
                columns = List.of(line.substring(2).trim().split("\\s+"));
            } else if (!columns.isEmpty() && !line.isBlank()) {
                String[] fields = line.trim().split("\\s+");
                int name = columns.indexOf("srv_name");
                int addr = columns.indexOf("srv_addr");
                if (name >= 0 && addr >= 0 && fields.length > Math.max(name, addr)) {
                    String ip = fields[addr];
                    // An unresolved template slot has no address: HAProxy shows "-" (or 0.0.0.0 in older versions).
                    out.put(fields[name], ip.equals("-") || ip.equals("0.0.0.0") ? "" : ip);
                }
            }
        }
        return out;
    }

    private String send(String command) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, HaproxyConfig.RUNTIME_PORT), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineException("cannot reach the runtime API of the load balancer at " + address + ":"
                    + HaproxyConfig.RUNTIME_PORT + ": " + e.getMessage(),
                    "a load balancer made by an older scaler has none: `scaler up FILE` replaces it", e);
        }
    }
}
