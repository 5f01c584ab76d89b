// SPEC strings, server-per-line files and twemproxy .yml pools: every good
// form parses to the right servers, every mistake is refused with a message
// that names it (and the line, in files).
#include "core/config/discovery.h"
#include "core/config/serverspec.h"
#include "core/config/textinput.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace ringscope::core;

class TestServerSpec : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string write(const char *name, const std::string &text)
    {
        const std::string path = m_dir.filePath(QString::fromLatin1(name)).toStdString();
        std::ofstream(path) << text;
        return path;
    }

private slots:
    void goodSpecs()
    {
        auto p = parseServerList("127.0.0.1:11211, cache.example:22122:3 big ,[::1]:11300:2");
        QVERIFY2(p, p.error.c_str());
        const ServerList &s = *p.value;
        QCOMPARE(s.size(), std::size_t{3});
        QCOMPARE(s[0], (Server{"127.0.0.1", 11211, 1, {}}));
        QCOMPARE(s[1], (Server{"cache.example", 22122, 3, "big"}));
        QCOMPARE(s[2], (Server{"::1", 11300, 2, {}}));
        QCOMPARE(s[2].address(), std::string("[::1]:11300"));
        QCOMPARE(s[1].label(), std::string("big"));
    }

    void nextFreeServerForAWhatIf()
    {
        using ringscope::core::nextFreeServer;
        QCOMPARE(nextFreeServer({}).address(), std::string("127.0.0.1:11211"));
        QCOMPARE(nextFreeServer({{"10.0.0.1", 11211, 1, {}}, {"10.0.0.2", 11300, 1, {}}}).address(),
                 std::string("10.0.0.1:11212")); // the first server's host; 11300 is another host's
        QCOMPARE(nextFreeServer({{"127.0.0.1", 40001, 1, {}}, {"127.0.0.1", 40003, 1, {}}}).address(),
                 std::string("127.0.0.1:40004"));
        QCOMPARE(nextFreeServer({{"10.0.0.1", 80, 1, {}}}).address(), std::string("10.0.0.1:11211"));
        QCOMPARE(nextFreeServer({{"::1", 11211, 1, {}}}).address(), std::string("[::1]:11212"));
    }

    void badSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");
        QTest::addRow("empty") << QString() << QStringLiteral("empty");
        QTest::addRow("blank entry") << QStringLiteral("a:1,,b:2") << QStringLiteral("empty server entry");
        QTest::addRow("no port") << QStringLiteral("localhost") << QStringLiteral("expected host:port");
        QTest::addRow("port zero") << QStringLiteral("h:0") << QStringLiteral("port '0'");
        QTest::addRow("port too big") << QStringLiteral("h:70000") << QStringLiteral("port '70000'");
        QTest::addRow("port text") << QStringLiteral("h:abc") << QStringLiteral("port 'abc'");
        QTest::addRow("weight zero") << QStringLiteral("h:1:0") << QStringLiteral("weight 0");
        QTest::addRow("weight text") << QStringLiteral("h:1:x") << QStringLiteral("weight 'x'");
        QTest::addRow("weight negative") << QStringLiteral("h:1:-2") << QStringLiteral("weight '-2'");
        QTest::addRow("weight huge") << QStringLiteral("h:1:99999999") << QStringLiteral("above 100000");
        QTest::addRow("no host") << QStringLiteral(":11211") << QStringLiteral("missing or invalid host");
        QTest::addRow("bad host") << QStringLiteral("a/b:11211") << QStringLiteral("missing or invalid host");
        QTest::addRow("open bracket") << QStringLiteral("[::1:11211") << QStringLiteral("without ']'");
        QTest::addRow("bracket v4") << QStringLiteral("[1.2.3.4]:1") << QStringLiteral("only for IPv6");
        QTest::addRow("duplicate") << QStringLiteral("h:1,h:1:3") << QStringLiteral("duplicate server h:1");
        QTest::addRow("duplicate name") << QStringLiteral("a:1 x,b:2 x") << QStringLiteral("duplicate server name 'x'");
        QTest::addRow("two-word name") << QStringLiteral("a:1 x y") << QStringLiteral("one word");
        // Was accepted, then looked up as a host name.
        QTest::addRow("bracketed non-address") << QStringLiteral("[zz::1]:11211") << QStringLiteral("'zz::1' is not an IPv6 address");
        // Control bytes in a spec are named escaped, not echoed.
        QTest::addRow("escape in host") << QStringLiteral("a\x1b[2Jb:1") << QStringLiteral("'a\\x1b[2Jb:1': missing or invalid host");
    }

    void badSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(QString, message);
        const auto p = parseServerList(spec.toStdString());
        QVERIFY(!p);
        QVERIFY2(QString::fromStdString(p.error).contains(message), p.error.c_str());
    }

    void serverPerLineFile()
    {
        const auto path = write("servers.txt", "# pool\n10.0.0.1:11211\n\n10.0.0.2:11211:2  # bigger\n");
        auto spec = loadClusterSpec("@" + path);
        QVERIFY2(spec, spec.error.c_str());
        QCOMPARE(spec.value->servers.size(), std::size_t{2});
        QCOMPARE(spec.value->servers[1].weight, 2u);

        const auto bad = write("bad.txt", "10.0.0.1:11211\n10.0.0.2:port\n");
        auto err = loadClusterSpec("@" + bad);
        QVERIFY(!err);
        QVERIFY2(err.error.find("bad.txt:2: ") != std::string::npos, err.error.c_str());
        // A repeated server is named on the line that repeats it.
        auto dup = loadClusterSpec("@" + write("dup.txt", "10.0.0.1:11211\n\n10.0.0.2:11211\n10.0.0.1:11211 # again\n"));
        QVERIFY(!dup);
        QVERIFY2(dup.error.find("dup.txt:4: duplicate server 10.0.0.1:11211") != std::string::npos, dup.error.c_str());
        QVERIFY(!loadClusterSpec("@" + write("empty.txt", "# nothing\n")));
        auto missing = loadClusterSpec("@/nonexistent/servers.txt");
        QVERIFY(missing.error.find("cannot read /nonexistent/servers.txt") != std::string::npos);
        QVERIFY(!loadClusterSpec("@"));
    }

    void twemproxyPool()
    {
        const auto path = write("nutcracker.yml",
                                "alpha:\n  listen: 127.0.0.1:22121\n  hash: murmur\n  distribution: modula\n"
                                "  hash_tag: \"{}\"\n  servers:\n   - 127.0.0.1:11211:1 one\n   - 127.0.0.1:11212:2\n"
                                "beta:\n  listen: 127.0.0.1:22122\n  servers:\n   - 10.0.0.1:11211:1\n");
        auto alpha = loadClusterSpec("@" + path + "#alpha");
        QVERIFY2(alpha, alpha.error.c_str());
        QCOMPARE(alpha.value->preset, std::string("twemproxy-modula"));
        QCOMPARE(alpha.value->hash, std::optional<HashAlgorithm>(HashAlgorithm::Murmur));
        QCOMPARE(alpha.value->hashTag, std::string("{}"));
        QCOMPARE(alpha.value->servers[0].name, std::string("one"));
        QCOMPARE(alpha.value->servers[1].weight, 2u);
        auto beta = loadClusterSpec("@" + path + "#beta");
        QVERIFY(beta);
        QCOMPARE(beta.value->preset, std::string("twemproxy-ketama"));
        QCOMPARE(beta.value->hash, std::optional<HashAlgorithm>(HashAlgorithm::Fnv1a_64));
        auto none = loadClusterSpec("@" + path);
        QVERIFY(none.error.find("several pools (alpha, beta)") != std::string::npos);
        auto gamma = loadClusterSpec("@" + path + "#gamma");
        QVERIFY(gamma.error.find("no pool named 'gamma'") != std::string::npos);
    }

    void mcrouterPool()
    {
        const auto path = write("mcrouter.json",
                                "// comment\n{\n  \"pools\": {\n    \"A\": {\"servers\": [\"10.0.0.1:5000\", \"10.0.0.2:5000:ascii:ssl\"]},\n"
                                "    \"B\": {\"servers\": [\"[::1]:5001\", \"10.0.0.3:5001\"]}\n  },\n"
                                "  \"route\": {\"type\": \"PrefixSelectorRoute\", \"policies\": {\n"
                                "    \"a\": \"PoolRoute|A\",\n"
                                "    \"b\": {\"type\": \"PoolRoute\", \"pool\": \"B\", \"hash\": {\"hash_func\": \"WeightedCh3\", \"weights\": [1.0, 0.5]}}}}\n}\n");
        auto a = loadClusterSpec("@" + path + "#A");
        QVERIFY2(a, a.error.c_str());
        QCOMPARE(a.value->preset, std::string("mcrouter-ch3"));
        QCOMPARE(a.value->servers[1].address(), std::string("10.0.0.2:5000"));
        auto b = loadClusterSpec("@" + path + "#B");
        QVERIFY2(b, b.error.c_str());
        QCOMPARE(b.value->servers[0].address(), std::string("[::1]:5001"));
        QCOMPARE(b.value->servers[0].weight, 1000u);
        QCOMPARE(b.value->servers[1].weight, 500u);
        QVERIFY(loadClusterSpec("@" + path).error.find("several pools (A, B)") != std::string::npos);
        QVERIFY(loadClusterSpec("@" + path + "#C").error.find("no pool named 'C'") != std::string::npos);
    }

    void mcrouterMistakes_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::addRow("not json") << QStringLiteral("{\n\"pools\": [\n") << QStringLiteral("conf.json:3: not valid JSON");
        QTest::addRow("no pools") << QStringLiteral("{\"route\": \"x\"}") << QStringLiteral("conf.json:1: expected an mcrouter");
        QTest::addRow("pools not object") << QStringLiteral("{\n\"route\": \"x\",\n\"pools\": []}")
                                          << QStringLiteral("conf.json:3: expected an mcrouter");
        QTest::addRow("no servers") << QStringLiteral("{\"pools\": {\n\"A\": {}}}")
                                    << QStringLiteral("conf.json:2: pool 'A' needs a non-empty \"servers\"");
        QTest::addRow("servers empty") << QStringLiteral("{\"pools\": {\n\"A\": {\n\"servers\": []}}}")
                                       << QStringLiteral("conf.json:3: pool 'A' needs a non-empty \"servers\"");
        QTest::addRow("server not string") << QStringLiteral("{\"pools\": {\"A\": {\"servers\": [\n\"h:1\",\n5]}}}")
                                           << QStringLiteral("conf.json:3: pool 'A', server 2 is not");
        QTest::addRow("bad server") << QStringLiteral("{\"pools\": {\"A\": {\"servers\": [\n\"h:1\",\n\n\"h:x\"]}}}")
                                    << QStringLiteral("conf.json:4: pool 'A': server 'h:x': port 'x'");
        QTest::addRow("duplicate") << QStringLiteral("{\"pools\": {\"A\": {\"servers\": [\n\"h:1\",\n\"h:2\",\n\"h:1\"]}}}")
                                   << QStringLiteral("conf.json:4: pool 'A': duplicate server h:1");
        QTest::addRow("no such pool") << QStringLiteral("{\"pools\": {\"A\": {\"servers\": [\"h:1\"]}}}")
                                      << QStringLiteral("no pool named 'B'");
        QTest::addRow("unknown hash") << QStringLiteral("{\"pools\": {\"A\": {\"servers\": [\"h:1\"]}}, \"route\": "
                                                        "{\"type\": \"PoolRoute\", \"pool\": \"A\", \"hash\": \"Rendezvous\"}}")
                                      << QStringLiteral("hash_func 'Rendezvous'");
        // Found by the fuzzer: these threw out of the parser.
        QTest::addRow("hash_func not a name") << QStringLiteral("{\"pools\": {\"A\": {\"servers\": [\"h:1\"]}}, \"route\": "
                                                                "{\"type\": \"PoolRoute\", \"pool\": \"A\", \"hash\":\n"
                                                                "{\"hash_func\": [1.0, 0.5]}}}")
                                              << QStringLiteral("conf.json:2: pool 'A': \"hash_func\" must be a name");
        QTest::addRow("number too large") << QStringLiteral("{\"pools\": 1e500}")
                                          << QStringLiteral("conf.json: not valid JSON: [json.exception.out_of_range.406] number overflow");
        QTest::addRow("hash a number") << QStringLiteral("{\"pools\": {\"A\": {\"servers\": [\"h:1\"]}}, \"route\":\n"
                                                         "{\"type\": \"PoolRoute\", \"pool\": \"A\", \"hash\": 5}}")
                                       << QStringLiteral("conf.json:2: pool 'A': \"hash\" must be a hash name");
        QTest::addRow("zero weight") << QStringLiteral("{\"pools\": {\"A\": {\"servers\": [\"h:1\"]}}, \"route\": "
                                                       "{\"type\": \"PoolRoute\", \"pool\": \"A\", \"hash\": "
                                                       "{\"hash_func\": \"WeightedCh3\", \"weights\": [0]}}}")
                                     << QStringLiteral("must be above 0");
        // mcrouter refuses a weight that is not a number (it used to become 0.5).
        QTest::addRow("weight not a number") << QStringLiteral("{\"pools\": {\"A\": {\"servers\": [\"h:1\", \"h:2\"]}}, \"route\": "
                                                               "{\"type\": \"PoolRoute\", \"pool\": \"A\", \"hash\": "
                                                               "{\"hash_func\": \"WeightedCh3\", \"weights\": [1, \"heavy\"]}}}")
                                             << QStringLiteral("weight 2 (\"heavy\") is not a number");
        // 20,000 levels crashed the route walk (SIGSEGV); refused before parsing now.
        QTest::addRow("deep nesting") << QString(QString(20000, QLatin1Char('[')) + QString(20000, QLatin1Char(']')))
                                      << QStringLiteral("conf.json: objects and lists nested more than 64 deep");
        QTest::addRow("deep in a route") << (QStringLiteral("{\"pools\": {\"A\": {\"servers\": [\"h:1\"]}}, \"route\": ")
                                             + QString(5000, QLatin1Char('{')).replace(QLatin1String("{"), QLatin1String("{\"r\": ["))
                                             + QStringLiteral("1") + QString(5000, QLatin1Char('@')).replace(QLatin1String("@"), QLatin1String("]}"))
                                             + QStringLiteral("}"))
                                         << QStringLiteral("nested more than 64 deep");
    }

    void jsonDepthSkipsStringsAndComments()
    {
        // (Built from pieces: moc reads slash-star and slash-slash in a literal as comments.)
        const std::string open = "/", star = "*";
        const std::string text = "{\"a\": [1, {\"b\": \"[[[[{{\"}], " + open + star + " [[[[ " + star + open
            + " \"c\": 2} " + open + open + " {{{{";
        QCOMPARE(jsonNestingDepth(text), std::size_t{3});
        QCOMPARE(jsonNestingDepth("[\"\\\"[[[\", [[]]]"), std::size_t{3});
        QCOMPARE(jsonNestingDepth("[[[[[[", 3), std::size_t{3}); // stops early
    }

    // What a user can point --servers @FILE at: each refused with its reason,
    // in bounded time and memory.
    void configFilesThatAreNotConfigs_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::addRow("directory") << m_dir.path() << QStringLiteral("is a directory, not a file");
        QTest::addRow("/dev/zero") << QStringLiteral("/dev/zero") << QStringLiteral("/dev/zero is not a regular file");
        QTest::addRow("/dev/urandom") << QStringLiteral("/dev/urandom") << QStringLiteral("is not a regular file");
        QTest::addRow("missing") << QStringLiteral("/no/such/file") << QStringLiteral("cannot read /no/such/file: No such file");
    }

    void configFilesThatAreNotConfigs()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        const auto p = loadClusterSpec("@" + path.toStdString());
        QVERIFY(!p);
        QVERIFY2(QString::fromStdString(p.error).contains(message), p.error.c_str());
    }

    void configSizeAndServerCountAreBounded()
    {
        // Past 16 MiB: refused by its size, before a byte is parsed.
        const std::string big = write("big.txt", std::string(limits::kConfigBytes + 1, '#'));
        auto p = loadClusterSpec("@" + big);
        QVERIFY(!p);
        QVERIFY2(p.error.find("more than the 16.0 MiB allowed") != std::string::npos, p.error.c_str());
        // Within the size, but more servers than a cluster can have.
        std::string lines;
        for (std::size_t i = 0; i <= limits::kServers; ++i)
            lines += "h" + std::to_string(i) + ":11211\n";
        p = loadClusterSpec("@" + write("many.txt", lines));
        QVERIFY(!p);
        QVERIFY2(p.error.find("10001 servers, more than the 10000 allowed") != std::string::npos, p.error.c_str());
        lines.resize(lines.rfind('h'));
        QVERIFY(loadClusterSpec("@" + write("enough.txt", lines)));
    }

    void mcrouterMistakes()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const auto p = parseMcrouterConfig(json.toStdString(), std::string_view(QTest::currentDataTag()) == "no such pool" ? "B" : "",
                                           "conf.json");
        QVERIFY(!p);
        QVERIFY2(QString::fromStdString(p.error).contains(message), p.error.c_str());
    }

    void elastiCacheNodes()
    {
        auto nodes = parseElastiCacheNodes("12\nnode-1.cache.amazonaws.com|10.0.0.1|11211 node-2.cache.amazonaws.com||11212\n\r\n");
        QVERIFY2(nodes, nodes.error.c_str());
        QCOMPARE(nodes.value->size(), std::size_t{2});
        QCOMPARE((*nodes.value)[0].address(), std::string("10.0.0.1:11211"));
        QCOMPARE((*nodes.value)[0].name, std::string("node-1.cache.amazonaws.com"));
        QCOMPARE((*nodes.value)[1].address(), std::string("node-2.cache.amazonaws.com:11212"));
        QVERIFY(!parseElastiCacheNodes("12"));
        QVERIFY(!parseElastiCacheNodes("12\nhost|ip\n"));
        QVERIFY(!parseElastiCacheNodes("12\nhost|1.2.3.4|0\n"));
        QVERIFY(!parseElastiCacheNodes("12\n\n"));
    }

    void shippedSamplesLoad()
    {
        const std::string dir = RINGSCOPE_SOURCE_DIR "/resources/samples/";
        for (const char *pool : {"#web", "#sessions"}) {
            auto spec = loadClusterSpec("@" + dir + "nutcracker.yml" + pool);
            QVERIFY2(spec, spec.error.c_str());
        }
        auto sessions = loadClusterSpec("@" + dir + "nutcracker.yml#sessions");
        QCOMPARE(sessions.value->hashTag, std::string("{}"));
        QCOMPARE(sessions.value->preset, std::string("twemproxy-modula"));
        auto main = loadClusterSpec("@" + dir + "mcrouter.json#main");
        QVERIFY2(main, main.error.c_str());
        QCOMPARE(main.value->servers.size(), std::size_t{3});
        auto weighted = loadClusterSpec("@" + dir + "mcrouter.json#weighted");
        QVERIFY2(weighted, weighted.error.c_str());
        QCOMPARE(weighted.value->servers[1].weight, 500u);
    }

    void twemproxyMistakes_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("message");
        QTest::addRow("not yaml") << QStringLiteral("a: [1, 2\nb: 3\n") << QStringLiteral(":2: not valid YAML");
        QTest::addRow("not a map") << QStringLiteral("- 1\n- 2\n") << QStringLiteral(":1: expected a twemproxy configuration");
        QTest::addRow("empty file") << QString() << QStringLiteral(":1: expected a twemproxy configuration");
        QTest::addRow("server is a map") << QStringLiteral("p:\n  servers:\n   - h:1:1\n   - {a: 1}\n")
                                         << QStringLiteral(":4: ");
        QTest::addRow("no weight") << QStringLiteral("p:\n  servers:\n   - h:1:1\n   - h:2:w x\n")
                                   << QStringLiteral(":4: server 'h:2:w x': weight 'w'");
        QTest::addRow("unknown hash") << QStringLiteral("p:\n  hash: sha1\n  servers:\n   - h:1:1\n")
                                      << QStringLiteral(":2: unknown hash 'sha1'");
        QTest::addRow("unknown distribution") << QStringLiteral("p:\n  distribution: ring\n  servers:\n   - h:1:1\n")
                                              << QStringLiteral(":2: unknown distribution 'ring'");
        QTest::addRow("no servers") << QStringLiteral("p:\n  hash: md5\n") << QStringLiteral(":2: pool 'p' has no servers");
        QTest::addRow("servers not list") << QStringLiteral("p:\n  servers: h:1:1\n")
                                          << QStringLiteral(":2: servers must be a non-empty list");
        QTest::addRow("bad server") << QStringLiteral("p:\n  servers:\n   - h:1:1\n   - h:x:1\n")
                                    << QStringLiteral(":4: server 'h:x:1': port 'x'");
        QTest::addRow("duplicate") << QStringLiteral("p:\n  servers:\n   - h:1:1\n   - h:2:1\n   - h:1:2\n")
                                   << QStringLiteral(":5: duplicate server h:1");
        QTest::addRow("duplicate name") << QStringLiteral("p:\n  servers:\n   - h:1:1 a\n   - h:2:1 a\n")
                                        << QStringLiteral(":4: duplicate server name 'a'");
        QTest::addRow("redis") << QStringLiteral("p:\n  redis: true\n  servers:\n   - h:1:1\n")
                               << QStringLiteral(":2: pool 'p' is a Redis pool");
        QTest::addRow("bad tag") << QStringLiteral("p:\n  hash_tag: \"{\"\n  servers:\n   - h:1:1\n")
                                 << QStringLiteral(":2: hash_tag must be two characters");
        // nutcracker refuses two pools of one name; YAML kept one silently.
        QTest::addRow("duplicate pool") << QStringLiteral("p:\n  servers:\n   - h:1:1\nq:\n  servers:\n   - h:2:1\np:\n  servers:\n   - h:3:1\n")
                                        << QStringLiteral(":7: a second pool named 'p'");
        QTest::addRow("deep flow nesting") << QString(QStringLiteral("p: ") + QString(20000, QLatin1Char('[')) + QString(20000, QLatin1Char(']')))
                                           << QStringLiteral("levels deep, past the YAML reader's limit");
        QTest::addRow("pool not map") << QStringLiteral("p: 3\n") << QStringLiteral(":1: pool 'p' must be a mapping");
    }

    void twemproxyMistakes()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, message);
        const auto p = parseTwemproxyConfig(yaml.toStdString(), "", "conf.yml");
        QVERIFY(!p);
        QVERIFY2(QString::fromStdString(p.error).contains(message), p.error.c_str());
        QVERIFY2(p.error.rfind("conf.yml", 0) == 0, p.error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestServerSpec)
#include "tst_serverspec.moc"
