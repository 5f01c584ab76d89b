// The memcached protocol without I/O: key validation, request encoding, and
// the incremental response parser on good replies (whole and one byte at a
// time) and on malformed ones, each with its own error.
#include "core/protocol/keyvalidation.h"
#include "core/protocol/requestencoder.h"
#include "core/protocol/responseparser.h"

#include <QTest>

#include <limits>

using namespace ringscope::core;

Q_DECLARE_METATYPE(Expect)
Q_DECLARE_METATYPE(Reply)
Q_DECLARE_METATYPE(KeyProblem)
Q_DECLARE_METATYPE(ProtocolError::Code)

namespace {

struct Parsed {
    ResponseParser::Status status;
    Response response;
    ProtocolError error;
};

Parsed parseWhole(const QByteArray &bytes, Expect expect, ResponseParser::Limits limits = {})
{
    ResponseParser parser(limits);
    parser.feed(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    Parsed p{};
    p.status = parser.next(expect, p.response, p.error);
    return p;
}

Parsed parseByteByByte(const QByteArray &bytes, Expect expect)
{
    ResponseParser parser;
    Parsed p{ResponseParser::Status::NeedMore, {}, {}};
    for (const char c : bytes) {
        parser.feed(std::string_view(&c, 1));
        p.status = parser.next(expect, p.response, p.error);
        if (p.status != ResponseParser::Status::NeedMore)
            break;
    }
    return p;
}

} // namespace

class TestProtocol : public QObject {
    Q_OBJECT

private slots:
    void badKeys_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<KeyProblem>("problem");
        QTest::addColumn<int>("position");
        QTest::addRow("empty") << QByteArray() << KeyProblem::Empty << 0;
        QTest::addRow("251 bytes") << QByteArray(251, 'k') << KeyProblem::TooLong << 250;
        QTest::addRow("1000 bytes") << QByteArray(1000, 'k') << KeyProblem::TooLong << 250;
        QTest::addRow("space") << QByteArray("a b") << KeyProblem::Whitespace << 1;
        QTest::addRow("leading space") << QByteArray(" a") << KeyProblem::Whitespace << 0;
        QTest::addRow("trailing space") << QByteArray("a ") << KeyProblem::Whitespace << 1;
        QTest::addRow("injection") << QByteArray("k\r\nflush_all") << KeyProblem::Control << 1;
        QTest::addRow("lf") << QByteArray("k\nx") << KeyProblem::Control << 1;
        QTest::addRow("cr") << QByteArray("k\r") << KeyProblem::Control << 1;
        QTest::addRow("tab") << QByteArray("k\tx") << KeyProblem::Control << 1;
        QTest::addRow("nul") << QByteArray("k\0x", 3) << KeyProblem::Control << 1;
        QTest::addRow("del") << QByteArray("k\x7f") << KeyProblem::Control << 1;
        QTest::addRow("bell") << QByteArray("\x07") << KeyProblem::Control << 0;
        QTest::addRow("escape") << QByteArray("a\x1b[2J") << KeyProblem::Control << 1;
        QTest::addRow("vertical tab") << QByteArray("a\x0b") << KeyProblem::Control << 1;
        QTest::addRow("form feed") << QByteArray("a\x0c") << KeyProblem::Control << 1;
        QTest::addRow("backspace") << QByteArray("ab\x08") << KeyProblem::Control << 2;
        QTest::addRow("unit separator") << QByteArray("a\x1f") << KeyProblem::Control << 1;
        QTest::addRow("set injection") << QByteArray("x 0 0 1\r\nz") << KeyProblem::Whitespace << 1;
        QTest::addRow("only newline") << QByteArray("\n") << KeyProblem::Control << 0;
        QTest::addRow("crlf at end") << QByteArray("key\r\n") << KeyProblem::Control << 3;
        QTest::addRow("get smuggle") << QByteArray("a\r\nget b") << KeyProblem::Control << 1;
        QTest::addRow("251 with space") << (QByteArray(250, 'k') + ' ') << KeyProblem::TooLong << 250;
        QTest::addRow("space at 250") << (QByteArray(249, 'k') + ' ') << KeyProblem::Whitespace << 249;
        QTest::addRow("control late") << (QByteArray(200, 'k') + '\x01') << KeyProblem::Control << 200;
        QTest::addRow("nbsp is fine but tab is not") << QByteArray("\xc2\xa0\t") << KeyProblem::Control << 2;
        QTest::addRow("two spaces") << QByteArray("a  b") << KeyProblem::Whitespace << 1;
        QTest::addRow("cr only") << QByteArray("\r") << KeyProblem::Control << 0;
        QTest::addRow("utf8 then lf") << QByteArray("ключ\n") << KeyProblem::Control << 8;
        QTest::addRow("nul only") << QByteArray("\0", 1) << KeyProblem::Control << 0;
        QTest::addRow("meta flags smuggle") << QByteArray("k v\r\nms x 1") << KeyProblem::Whitespace << 1;
        QTest::addRow("64 KiB") << QByteArray(65536, 'k') << KeyProblem::TooLong << 250;
        QTest::addRow("noreply smuggle") << QByteArray("k noreply") << KeyProblem::Whitespace << 1;
    }

    void badKeys()
    {
        QFETCH(QByteArray, key);
        QFETCH(KeyProblem, problem);
        QFETCH(int, position);
        const std::string_view k(key.constData(), static_cast<std::size_t>(key.size()));
        const KeyCheck check = checkKey(k);
        QCOMPARE(check.problem, problem);
        QCOMPARE(check.position, static_cast<std::size_t>(position));
        QVERIFY(!check.message(k).empty());
    }

    void goodKeys()
    {
        for (const char *k : {"a", "user:42", "ключ", "\xff\xfe", "!#$%&'()*+,-./:;<=>?@[]^_`{|}~"})
            QVERIFY(checkKey(k));
        QVERIFY(checkKey(std::string(250, 'k')));
    }

    // Every byte value at every place of a key longer than two words (the
    // check looks at eight bytes at a time first), against the plain rule.
    void everyByteEverywhere()
    {
        for (int byte = 0; byte < 256; ++byte) {
            for (std::size_t at = 0; at < 19; ++at) {
                std::string key(19, 'k');
                key[at] = static_cast<char>(byte);
                const KeyProblem expected = byte == ' ' ? KeyProblem::Whitespace
                    : byte < 0x20 || byte == 0x7f      ? KeyProblem::Control
                                                       : KeyProblem::None;
                const KeyCheck check = checkKey(key);
                QVERIFY2(check.problem == expected, qPrintable(QStringLiteral("byte 0x%1 at %2").arg(byte, 2, 16).arg(at)));
                if (expected != KeyProblem::None)
                    QCOMPARE(check.position, at);
            }
        }
    }

    void base64RoundTrip()
    {
        for (int len = 0; len < 40; ++len) {
            std::string bytes;
            for (int i = 0; i < len; ++i)
                bytes.push_back(static_cast<char>(i * 37 + len));
            std::string back;
            QVERIFY(base64Decode(base64Encode(bytes), back));
            QCOMPARE(back, bytes);
        }
        QCOMPARE(base64Encode("foo"), std::string("Zm9v"));
        QCOMPARE(base64Encode("fo"), std::string("Zm8="));
        std::string out;
        QVERIFY(!base64Decode("Zm9", out));
        QVERIFY(!base64Decode("Z=9v", out));
        QVERIFY(!base64Decode("Zm9*", out));
    }

    void encoder()
    {
        std::string out;
        const std::string_view keys[] = {"a", "b"};
        encode::get(out, keys);
        encode::store(out, encode::Store::Set, "k", 5, 60, "hello");
        encode::store(out, encode::Store::Cas, "k", 0, 0, "x", 99, true);
        encode::remove(out, "k");
        encode::arithmetic(out, true, "n", 2);
        encode::touch(out, "k", -1);
        encode::stats(out, "slabs");
        encode::metaGet(out, "k", "v f t");
        encode::metaSet(out, "Zm9v", "val", "T60", true);
        encode::metadumpAll(out);
        QCOMPARE(QByteArray::fromStdString(out),
                 QByteArray("get a b\r\nset k 5 60 5\r\nhello\r\ncas k 0 0 1 99 noreply\r\nx\r\ndelete k\r\n"
                            "incr n 2\r\ntouch k -1\r\nstats slabs\r\nmg k v f t\r\nms Zm9v 3 b T60\r\nval\r\n"
                            "lru_crawler metadump all\r\n"));
        // The widest numbers each field can hold, and every storage command.
        out.clear();
        encode::store(out, encode::Store::Cas, "k", 4294967295u, std::numeric_limits<std::int64_t>::min(), "",
                      std::numeric_limits<std::uint64_t>::max(), true);
        encode::store(out, encode::Store::Add, "a", 0, -1, "1");
        encode::store(out, encode::Store::Replace, "r", 1, 2, "22");
        encode::store(out, encode::Store::Append, "p", 0, 0, "x", 0, true);
        encode::store(out, encode::Store::Prepend, "q", 0, 0, "y");
        QCOMPARE(QByteArray::fromStdString(out),
                 QByteArray("cas k 4294967295 -9223372036854775808 0 18446744073709551615 noreply\r\n\r\n"
                            "add a 0 -1 1\r\n1\r\nreplace r 1 2 2\r\n22\r\nappend p 0 0 1 noreply\r\nx\r\n"
                            "prepend q 0 0 1\r\ny\r\n"));
    }

    void goodReplies_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Expect>("expect");
        QTest::addColumn<Reply>("reply");
        QTest::addRow("miss") << QByteArray("END\r\n") << Expect::Retrieval << Reply::Values;
        QTest::addRow("hit") << QByteArray("VALUE k 5 3\r\nabc\r\nEND\r\n") << Expect::Retrieval << Reply::Values;
        QTest::addRow("hit with cas") << QByteArray("VALUE k 0 3 77\r\na\r\n\r\nEND\r\n") << Expect::Retrieval
                                      << Reply::Values;
        QTest::addRow("multi") << QByteArray("VALUE a 0 1\r\n1\r\nVALUE b 0 0\r\n\r\nEND\r\n") << Expect::Retrieval
                               << Reply::Values;
        QTest::addRow("hit, a space after the length") << QByteArray("VALUE k 0 1 \r\nx\r\nEND\r\n")
                                                       << Expect::Retrieval << Reply::Values;
        QTest::addRow("value with END inside") << QByteArray("VALUE k 0 5\r\nEND\r\n\r\nEND\r\n") << Expect::Retrieval
                                               << Reply::Values;
        QTest::addRow("empty value") << QByteArray("VALUE k 0 0\r\n\r\nEND\r\n") << Expect::Retrieval << Reply::Values;
        QTest::addRow("value holding a whole reply") << QByteArray("VALUE k 0 9\r\nab\r\nEND\r\n\r\nEND\r\n")
                                                     << Expect::Retrieval << Reply::Values;
        QTest::addRow("value with zero bytes") << QByteArray("VALUE k 1 3\r\n\0\n\0\r\nEND\r\n", 23)
                                               << Expect::Retrieval << Reply::Values;
        QTest::addRow("key with a bare newline") << QByteArray("VALUE k\nx 0 1\r\ny\r\nEND\r\n") << Expect::Retrieval
                                                 << Reply::Values;
        QTest::addRow("hit, then another reply") << QByteArray("VALUE k 2 1 5\r\nz\r\nEND\r\nSTORED\r\n")
                                                 << Expect::Retrieval << Reply::Values;
        QTest::addRow("stored") << QByteArray("STORED\r\n") << Expect::Storage << Reply::Stored;
        QTest::addRow("not stored") << QByteArray("NOT_STORED\r\n") << Expect::Storage << Reply::NotStored;
        QTest::addRow("exists") << QByteArray("EXISTS\r\n") << Expect::Storage << Reply::Exists;
        QTest::addRow("deleted") << QByteArray("DELETED\r\n") << Expect::Delete << Reply::Deleted;
        QTest::addRow("not found") << QByteArray("NOT_FOUND\r\n") << Expect::Delete << Reply::NotFound;
        QTest::addRow("touched") << QByteArray("TOUCHED\r\n") << Expect::Touch << Reply::Touched;
        QTest::addRow("incr") << QByteArray("18446744073709551615\r\n") << Expect::Arithmetic << Reply::Number;
        QTest::addRow("stats") << QByteArray("STAT pid 1\r\nSTAT version 1.6.18\r\nEND\r\n") << Expect::Stats
                               << Reply::Stats;
        QTest::addRow("version") << QByteArray("VERSION 1.6.18\r\n") << Expect::Version << Reply::Version;
        QTest::addRow("ok") << QByteArray("OK\r\n") << Expect::Ok << Reply::Ok;
        QTest::addRow("mg hit") << QByteArray("HD f0 t-1\r\n") << Expect::Meta << Reply::MetaHit;
        QTest::addRow("mg value") << QByteArray("VA 2 f3\r\nhi\r\n") << Expect::Meta << Reply::MetaValue;
        QTest::addRow("mg miss") << QByteArray("EN\r\n") << Expect::Meta << Reply::MetaMiss;
        QTest::addRow("md nf") << QByteArray("NF\r\n") << Expect::Meta << Reply::MetaNotFound;
        QTest::addRow("mn") << QByteArray("MN\r\n") << Expect::MetaNoop << Reply::MetaNoop;
        QTest::addRow("me") << QByteArray("ME k exp=-1 la=3 cas=2 fetch=no cls=1 size=63\r\n") << Expect::MetaDebug
                            << Reply::MetaDebug;
        QTest::addRow("dump entry") << QByteArray("key=k exp=-1 la=1 cas=2 fetch=no cls=1 size=63\r\n")
                                    << Expect::Metadump << Reply::MetadumpEntry;
        QTest::addRow("dump entry after OK") << QByteArray("OK\r\nkey=k exp=-1\r\n") << Expect::Metadump
                                             << Reply::MetadumpEntry;
        QTest::addRow("dump end") << QByteArray("END\r\n") << Expect::Metadump << Reply::MetadumpEnd;
        // memcached 1.6 ends metadump entries with a bare \n.
        QTest::addRow("dump entry lf") << QByteArray("key=user%3A1 exp=-1 la=1 cas=1 fetch=no cls=1 size=67\n")
                                       << Expect::Metadump << Reply::MetadumpEntry;
        QTest::addRow("dump busy") << QByteArray("BUSY currently processing crawler request\r\n") << Expect::Metadump
                                   << Reply::ServerError;
        QTest::addRow("error") << QByteArray("ERROR\r\n") << Expect::Storage << Reply::Error;
        QTest::addRow("client error") << QByteArray("CLIENT_ERROR bad data chunk\r\n") << Expect::Storage
                                      << Reply::ClientError;
        QTest::addRow("too large") << QByteArray("SERVER_ERROR object too large for cache\r\n") << Expect::Storage
                                   << Reply::ServerError;
        QTest::addRow("get error") << QByteArray("SERVER_ERROR out of memory\r\n") << Expect::Retrieval
                                   << Reply::ServerError;
    }

    void goodReplies()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Expect, expect);
        QFETCH(Reply, reply);
        for (const auto &p : {parseWhole(bytes, expect), parseByteByByte(bytes, expect)}) {
            QCOMPARE(p.status, ResponseParser::Status::Complete);
            QCOMPARE(p.response.reply, reply);
        }
    }

    // A get's whole one-item reply takes a shorter path than one that comes
    // in pieces (or a multi-get's): both must give the very same reply.
    void wholeAndByteByByteAgree_data() { goodReplies_data(); }
    void wholeAndByteByByteAgree()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Expect, expect);
        const auto whole = parseWhole(bytes, expect);
        const auto bytewise = parseByteByByte(bytes, expect);
        QCOMPARE(whole.status, bytewise.status);
        const Response &a = whole.response, &b = bytewise.response;
        QCOMPARE(a.reply, b.reply);
        QCOMPARE(a.items.size(), b.items.size());
        for (std::size_t i = 0; i < a.items.size(); ++i) {
            QCOMPARE(a.items[i].key, b.items[i].key);
            QCOMPARE(a.items[i].flags, b.items[i].flags);
            QCOMPARE(a.items[i].cas, b.items[i].cas);
            QCOMPARE(a.items[i].value, b.items[i].value);
        }
        QCOMPARE(a.number, b.number);
        QCOMPARE(a.stats, b.stats);
        QCOMPARE(a.text, b.text);
    }

    // The one-item path fills a Response that held another reply: nothing
    // of the old one is left in it.
    void oneValueReplacesWhatTheResponseHeld()
    {
        ResponseParser parser;
        parser.feed("STAT pid 1\r\nEND\r\nVALUE k 3 2 9\r\nab\r\nEND\r\n");
        Response r;
        ProtocolError e;
        QCOMPARE(parser.next(Expect::Stats, r, e), ResponseParser::Status::Complete);
        r.text = "left over";
        r.number = 7;
        r.items.push_back({"old", 1, 2, "old value"});
        QCOMPARE(parser.next(Expect::Retrieval, r, e), ResponseParser::Status::Complete);
        QCOMPARE(r.reply, Reply::Values);
        QCOMPARE(r.items.size(), std::size_t{1});
        QCOMPARE(r.items[0].key, std::string("k"));
        QCOMPARE(r.items[0].flags, 3u);
        QCOMPARE(r.items[0].cas, 9ull);
        QCOMPARE(r.items[0].value, std::string("ab"));
        QVERIFY(r.stats.empty());
        QVERIFY(r.text.empty());
        QCOMPARE(r.number, 0ull);
    }

    void repliesCarryTheirContent()
    {
        auto p = parseByteByByte("VALUE a 7 1 9\r\n1\r\nVALUE b 0 4\r\nEND\r\r\nEND\r\n", Expect::Retrieval);
        QCOMPARE(p.response.items.size(), std::size_t{2});
        QCOMPARE(p.response.items[0].flags, 7u);
        QCOMPARE(p.response.items[0].cas, 9ull);
        QCOMPARE(p.response.items[1].value, std::string("END\r"));
        p = parseWhole("STAT pid 4242\r\nSTAT rusage_user 0.1\r\nEND\r\n", Expect::Stats);
        QCOMPARE(p.response.stats[0].second, std::string("4242"));
        p = parseWhole("VA 2 f3 t-1\r\nhi\r\n", Expect::Meta);
        QCOMPARE(p.response.items[0].value, std::string("hi"));
        QCOMPARE(p.response.text, std::string("f3 t-1"));
        p = parseWhole("SERVER_ERROR object too large for cache\r\n", Expect::Storage);
        QCOMPARE(p.response.text, std::string("object too large for cache"));
        // A bare \n (or \r) inside a line does not end it; only \r\n does.
        for (const auto &q : {parseWhole("SERVER_ERROR a\nb\rc\r\n", Expect::Storage),
                              parseByteByByte("SERVER_ERROR a\nb\rc\r\n", Expect::Storage)})
            QCOMPARE(q.response.text, std::string("a\nb\rc"));
        p = parseWhole("VALUE k 4294967295 2 18446744073709551615\r\nab\r\nEND\r\n", Expect::Retrieval);
        QCOMPARE(p.response.items[0].flags, 4294967295u);
        QCOMPARE(p.response.items[0].cas, 18446744073709551615ull);
    }

    void pipelinedRepliesStayApart()
    {
        ResponseParser parser;
        parser.feed("STORED\r\nVALUE k 0 1\r\nx\r\nEND\r\nDELETED\r\n");
        Response r;
        ProtocolError e;
        QCOMPARE(parser.next(Expect::Storage, r, e), ResponseParser::Status::Complete);
        QCOMPARE(parser.next(Expect::Retrieval, r, e), ResponseParser::Status::Complete);
        QCOMPARE(r.items.front().value, std::string("x"));
        QCOMPARE(parser.next(Expect::Delete, r, e), ResponseParser::Status::Complete);
        QCOMPARE(r.reply, Reply::Deleted);
        QCOMPARE(parser.next(Expect::Delete, r, e), ResponseParser::Status::NeedMore);
    }

    // A reply's items vector given back is the next reply's, emptied first.
    void recycledItemsStartEmpty()
    {
        ResponseParser parser;
        parser.feed("VALUE a 0 1\r\nx\r\nVALUE b 0 1\r\ny\r\nEND\r\nVALUE c 0 1\r\nz\r\nEND\r\n");
        Response first, second;
        ProtocolError e;
        QCOMPARE(parser.next(Expect::Retrieval, first, e), ResponseParser::Status::Complete);
        QCOMPARE(first.items.size(), std::size_t{2});
        const Item *room = first.items.data();
        parser.recycle(std::move(first.items)); // with its items still in it
        QCOMPARE(parser.next(Expect::Retrieval, second, e), ResponseParser::Status::Complete);
        QCOMPARE(second.items.size(), std::size_t{1});
        QCOMPARE(second.items.front().key, std::string("c"));
        QCOMPARE(second.items.front().value, std::string("z"));
        QCOMPARE(second.items.data(), room); // the same room: no allocation
    }

    // A connection reads straight into the parser (space/commit). A stream
    // of replies of mixed sizes, a 3 MB value among them, arrives in reads
    // of every size from 1 byte to more than the buffer: each reply comes
    // out whole and in order, whether the parser kept a partial reply at the
    // front, moved it there, or grew its buffer under it.
    void readsStraightIntoTheParser()
    {
        std::string stream;
        std::vector<std::string> values;
        for (int i = 0; i < 400; ++i) {
            std::string value(i == 150 ? 3 * 1024 * 1024 : static_cast<std::size_t>((i * 7919) % 5000),
                              static_cast<char>('a' + i % 26));
            if (!value.empty())
                value.front() = '<', value.back() = '>'; // a shifted copy would not end the same
            stream += "VALUE k" + std::to_string(i) + " 0 " + std::to_string(value.size()) + "\r\n" + value
                + "\r\nEND\r\n";
            values.push_back(std::move(value));
        }
        ResponseParser parser;
        std::size_t sent = 0, read = 0, parsed = 0;
        const std::size_t sizes[] = {1, 13, 977, 4096, 65536, 200000};
        while (parsed < values.size()) {
            QVERIFY2(sent < stream.size(), "the stream ended before every reply was parsed");
            const auto room = parser.space(16 * 1024);
            QVERIFY(room.size() >= 16 * 1024);
            const std::size_t n = std::min({room.size(), sizes[read++ % std::size(sizes)], stream.size() - sent});
            std::memcpy(room.data(), stream.data() + sent, n);
            parser.commit(n);
            sent += n;
            Response r;
            ProtocolError e;
            ResponseParser::Status status;
            while ((status = parser.next(Expect::Retrieval, r, e)) == ResponseParser::Status::Complete) {
                QCOMPARE(r.items.size(), std::size_t{1});
                QCOMPARE(r.items.front().key, "k" + std::to_string(parsed));
                QVERIFY2(r.items.front().value == values[parsed], qPrintable(QString::number(parsed)));
                ++parsed;
            }
            QCOMPARE(status, ResponseParser::Status::NeedMore);
        }
        QCOMPARE(sent, stream.size());
        QCOMPARE(parser.buffered(), std::size_t{0});
    }

    void malformedReplies_data()
    {
        using C = ProtocolError::Code;
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Expect>("expect");
        QTest::addColumn<ProtocolError::Code>("code");
        QTest::addRow("truncated EN then garbage") << QByteArray("EN\r\nxx\r\n") << Expect::Retrieval << C::UnexpectedLine;
        QTest::addRow("lowercase stored") << QByteArray("stored\r\n") << Expect::Storage << C::UnexpectedLine;
        QTest::addRow("stored with suffix") << QByteArray("STORED!\r\n") << Expect::Storage << C::UnexpectedLine;
        QTest::addRow("deleted for set") << QByteArray("DELETED\r\n") << Expect::Storage << C::UnexpectedLine;
        QTest::addRow("stored for delete") << QByteArray("STORED\r\n") << Expect::Delete << C::UnexpectedLine;
        QTest::addRow("touched for delete") << QByteArray("TOUCHED\r\n") << Expect::Delete << C::UnexpectedLine;
        QTest::addRow("deleted for touch") << QByteArray("DELETED\r\n") << Expect::Touch << C::UnexpectedLine;
        QTest::addRow("value for set") << QByteArray("VALUE k 0 1\r\n") << Expect::Storage << C::UnexpectedLine;
        QTest::addRow("value length text") << QByteArray("VALUE k 0 abc\r\n") << Expect::Retrieval << C::BadNumber;
        QTest::addRow("value length negative") << QByteArray("VALUE k 0 -1\r\n") << Expect::Retrieval << C::BadNumber;
        QTest::addRow("value length huge") << QByteArray("VALUE k 0 99999999999\r\n") << Expect::Retrieval
                                           << C::ValueTooLarge;
        QTest::addRow("value length overflow") << QByteArray("VALUE k 0 999999999999999999999999\r\n")
                                               << Expect::Retrieval << C::BadNumber;
        QTest::addRow("value flags text") << QByteArray("VALUE k x 1\r\n") << Expect::Retrieval << C::BadNumber;
        QTest::addRow("value flags too big") << QByteArray("VALUE k 4294967296 1\r\n") << Expect::Retrieval
                                             << C::BadNumber;
        // Two tokens: "0" would be the key, and there is no length.
        QTest::addRow("value no key") << QByteArray("VALUE 0 1\r\n") << Expect::Retrieval << C::BadNumber;
        QTest::addRow("value no length") << QByteArray("VALUE k 0\r\n") << Expect::Retrieval << C::BadNumber;
        QTest::addRow("value empty key") << QByteArray("VALUE  0 1\r\n") << Expect::Retrieval << C::BadNumber;
        QTest::addRow("value alone") << QByteArray("VALUE\r\n") << Expect::Retrieval << C::BadNumber;
        QTest::addRow("second value bad") << QByteArray("VALUE k 0 1\r\nx\r\nVALUE j 0\r\n") << Expect::Retrieval
                                          << C::BadNumber;
        QTest::addRow("value extra token") << QByteArray("VALUE k 0 1 2 3\r\n") << Expect::Retrieval << C::BadNumber;
        QTest::addRow("value two spaces after the length") << QByteArray("VALUE k 0 1  \r\n") << Expect::Retrieval
                                                           << C::BadNumber;
        QTest::addRow("value two spaces after the flags") << QByteArray("VALUE k 0  1\r\n") << Expect::Retrieval
                                                          << C::BadNumber;
        QTest::addRow("value space after the cas") << QByteArray("VALUE k 0 1 7 \r\n") << Expect::Retrieval
                                                   << C::BadNumber;
        QTest::addRow("value no space after the key") << QByteArray("VALUE k\r\n") << Expect::Retrieval
                                                      << C::BadNumber;
        QTest::addRow("value length plus") << QByteArray("VALUE k 0 +1\r\n") << Expect::Retrieval << C::BadNumber;
        QTest::addRow("value length with a letter") << QByteArray("VALUE k 0 1x\r\n") << Expect::Retrieval
                                                    << C::BadNumber;
        QTest::addRow("valuex") << QByteArray("VALUEX k 0 1\r\n") << Expect::Retrieval << C::UnexpectedLine;
        QTest::addRow("value tab") << QByteArray("VALUE\tk 0 1\r\n") << Expect::Retrieval << C::UnexpectedLine;
        QTest::addRow("value bad cas") << QByteArray("VALUE k 0 1 z\r\n") << Expect::Retrieval << C::BadNumber;
        QTest::addRow("data too long") << QByteArray("VALUE k 0 1\r\nabc\r\nEND\r\n") << Expect::Retrieval
                                       << C::BadTerminator;
        QTest::addRow("data too short") << QByteArray("VALUE k 0 5\r\nab\r\nEND\r\n") << Expect::Retrieval
                                        << C::BadTerminator;
        QTest::addRow("data no crlf") << QByteArray("VALUE k 0 1\r\nxyzEND\r\n") << Expect::Retrieval
                                      << C::BadTerminator;
        QTest::addRow("garbage after value") << QByteArray("VALUE k 0 1\r\nx\r\nGARBAGE\r\n") << Expect::Retrieval
                                             << C::UnexpectedLine;
        QTest::addRow("value missing END, STORED") << QByteArray("VALUE k 0 1\r\nx\r\nSTORED\r\n") << Expect::Retrieval
                                                   << C::UnexpectedLine;
        QTest::addRow("lone line for get") << QByteArray("HELLO\r\n") << Expect::Retrieval << C::UnexpectedLine;
        QTest::addRow("binary junk") << QByteArray("\x80\x01\x00\x00\r\n", 6) << Expect::Retrieval
                                     << C::UnexpectedLine;
        QTest::addRow("http reply") << QByteArray("HTTP/1.1 400 Bad Request\r\n") << Expect::Version
                                    << C::UnexpectedLine;
        QTest::addRow("endless line") << QByteArray(9000, 'x') << Expect::Storage << C::LineTooLong;
        QTest::addRow("long line with crlf") << (QByteArray(9000, 'x') + "\r\n") << Expect::Storage << C::LineTooLong;
        QTest::addRow("incr text") << QByteArray("twelve\r\n") << Expect::Arithmetic << C::BadNumber;
        QTest::addRow("incr negative") << QByteArray("-1\r\n") << Expect::Arithmetic << C::BadNumber;
        QTest::addRow("incr overflow") << QByteArray("18446744073709551616\r\n") << Expect::Arithmetic << C::BadNumber;
        QTest::addRow("incr empty") << QByteArray("\r\n") << Expect::Arithmetic << C::BadNumber;
        QTest::addRow("incr spaces") << QByteArray(" 12\r\n") << Expect::Arithmetic << C::BadNumber;
        QTest::addRow("stat without name") << QByteArray("STAT \r\nEND\r\n") << Expect::Stats << C::UnexpectedLine;
        QTest::addRow("stat garbage") << QByteArray("STAT pid 1\r\nPID 1\r\n") << Expect::Stats << C::UnexpectedLine;
        QTest::addRow("stats value line") << QByteArray("VALUE k 0 1\r\n") << Expect::Stats << C::UnexpectedLine;
        QTest::addRow("version lowercase") << QByteArray("version 1\r\n") << Expect::Version << C::UnexpectedLine;
        QTest::addRow("version no space") << QByteArray("VERSION\r\n") << Expect::Version << C::UnexpectedLine;
        QTest::addRow("ok lowercase") << QByteArray("ok\r\n") << Expect::Ok << C::UnexpectedLine;
        QTest::addRow("meta unknown code") << QByteArray("ZZ\r\n") << Expect::Meta << C::UnexpectedLine;
        QTest::addRow("meta VA no size") << QByteArray("VA\r\n") << Expect::Meta << C::BadNumber;
        QTest::addRow("meta VA text size") << QByteArray("VA x\r\n") << Expect::Meta << C::BadNumber;
        QTest::addRow("meta VA huge") << QByteArray("VA 999999999999\r\n") << Expect::Meta << C::ValueTooLarge;
        QTest::addRow("meta VA bad data") << QByteArray("VA 1\r\nxyz\r\n") << Expect::Meta << C::BadTerminator;
        QTest::addRow("meta lowercase") << QByteArray("hd\r\n") << Expect::Meta << C::UnexpectedLine;
        QTest::addRow("mn wrong") << QByteArray("HD\r\n") << Expect::MetaNoop << C::UnexpectedLine;
        QTest::addRow("me wrong") << QByteArray("HD\r\n") << Expect::MetaDebug << C::UnexpectedLine;
        QTest::addRow("dump garbage") << QByteArray("k=v\r\n") << Expect::Metadump << C::UnexpectedLine;
        QTest::addRow("dump value") << QByteArray("VALUE k 0 1\r\n") << Expect::Metadump << C::UnexpectedLine;
        QTest::addRow("error prefix glued") << QByteArray("SERVER_ERRORX\r\n") << Expect::Storage << C::UnexpectedLine;
        QTest::addRow("client error glued") << QByteArray("CLIENT_ERRORbad\r\n") << Expect::Delete << C::UnexpectedLine;
        QTest::addRow("bare cr") << QByteArray("STORED\r\r\n") << Expect::Storage << C::UnexpectedLine;
        QTest::addRow("bare lf line") << QByteArray("STORED\nSTORED\r\n") << Expect::Storage << C::UnexpectedLine;
    }

    void malformedReplies()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Expect, expect);
        QFETCH(ProtocolError::Code, code);
        const auto whole = parseWhole(bytes, expect);
        QCOMPARE(whole.status, ResponseParser::Status::Failed);
        QCOMPARE(whole.error.code, code);
        QVERIFY(!whole.error.message.empty());
        const auto bytewise = parseByteByByte(bytes, expect);
        QCOMPARE(bytewise.status, ResponseParser::Status::Failed);
        QCOMPARE(bytewise.error.code, code);
    }

    void limitsAreTheParsersNotTheServers()
    {
        ResponseParser::Limits small;
        small.maxValue = 10;
        QCOMPARE(parseWhole("VALUE k 0 11\r\n", Expect::Retrieval, small).error.code, ProtocolError::Code::ValueTooLarge);
        // Whole replies too, which take the one-item path when they are good.
        QCOMPARE(parseWhole("VALUE k 0 11\r\n01234567890\r\nEND\r\n", Expect::Retrieval, small).error.code,
                 ProtocolError::Code::ValueTooLarge);
        small.maxItems = 1;
        QCOMPARE(parseWhole("VALUE a 0 1\r\n1\r\nVALUE b 0 1\r\n", Expect::Retrieval, small).error.code,
                 ProtocolError::Code::UnexpectedLine);
        small.maxItems = 0;
        QCOMPARE(parseWhole("VALUE a 0 1\r\n1\r\nEND\r\n", Expect::Retrieval, small).error.code,
                 ProtocolError::Code::UnexpectedLine);
        ResponseParser::Limits shortLines;
        shortLines.maxLine = 13; // "VALUE abc 0 1"
        QCOMPARE(parseWhole("VALUE abcdefgh 0 1\r\nx\r\nEND\r\n", Expect::Retrieval, shortLines).error.code,
                 ProtocolError::Code::LineTooLong);
        QCOMPARE(parseWhole("VALUE abc 0 1\r\nx\r\nEND\r\n", Expect::Retrieval, shortLines).status,
                 ResponseParser::Status::Complete);
        // The longest line allowed, its "\r" and "\n" in different reads
        // (found by the fuzzer comparing whole and byte-by-byte parses).
        ResponseParser split(shortLines);
        Response longest;
        ProtocolError problem;
        split.feed("VALUE abc 0 1\r");
        QCOMPARE(split.next(Expect::Retrieval, longest, problem), ResponseParser::Status::NeedMore);
        split.feed("\nx\r\nEND\r\n");
        QCOMPARE(split.next(Expect::Retrieval, longest, problem), ResponseParser::Status::Complete);
        QCOMPARE(longest.items.at(0).value, std::string("x"));
        // A failed parser stays failed.
        ResponseParser parser;
        parser.feed("JUNK\r\nSTORED\r\n");
        Response r;
        ProtocolError e;
        QCOMPARE(parser.next(Expect::Storage, r, e), ResponseParser::Status::Failed);
        QCOMPARE(parser.next(Expect::Storage, r, e), ResponseParser::Status::Failed);
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
