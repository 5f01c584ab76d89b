<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="28"/>
        <source>local demo, %1 servers</source>
        <translation>демонстрационный кластер, серверов: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="29"/>
        <source>local demo, %1 servers behind %2</source>
        <translation>демонстрационный кластер, серверов: %1, перед ними %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="34"/>
        <source>ElastiCache %1</source>
        <translation>ElastiCache %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="58"/>
        <source>Consistent-hash ring and key placement of memcached clusters</source>
        <translation>Кольцо консистентного хеширования и размещение ключей в кластерах memcached</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="62"/>
        <source>Servers: host:port[:weight][ name],... or @file</source>
        <translation>Серверы: host:port[:weight][ name],... или @file</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="64"/>
        <source>Placement preset</source>
        <translation>Пресет размещения</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="66"/>
        <source>Key hash</source>
        <translation>Хеш-функция ключей</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="68"/>
        <source>Sample keys to place</source>
        <translation>Сколько тестовых ключей разместить</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="78"/>
        <source>Servers in the local demo cluster (default without --servers: 4)</source>
        <translation>Число серверов в локальном демонстрационном кластере (по умолчанию без --servers: 4)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="81"/>
        <source>Only compute placement: contact no server</source>
        <translation>Только вычислить размещение, не обращаясь ни к одному серверу</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="83"/>
        <source>A twemproxy .yml or mcrouter .json (FILE#pool picks a pool)</source>
        <translation>Файл .yml twemproxy или .json mcrouter (FILE#pool выбирает пул)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="86"/>
        <source>In front of the demo cluster: twemproxy, nginx-rr, nginx-least-conn or nginx-hash</source>
        <translation>Прокси перед демонстрационным кластером: twemproxy, nginx-rr, nginx-least-conn или nginx-hash</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="89"/>
        <source>Demo traffic, operations a second (0: none; default 150)</source>
        <translation>Трафик демонстрационного кластера, операций в секунду (0 — без трафика; по умолчанию 150)</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::ClusterBridge</name>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="367"/>
        <source>traffic writes to the cluster: switch writing on first</source>
        <translation>трафик пишет в кластер: сначала включите запись</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="369"/>
        <source>no servers</source>
        <translation>нет серверов</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="377"/>
        <source>preset %1 has no owner per key: pick another for traffic</source>
        <translation>в пресете %1 у ключа нет единственного владельца: выберите для трафика другой пресет</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="500"/>
        <source>? (%1)</source>
        <translation>? (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="502"/>
        <source>%1 bytes, ttl %2, idle %3 s</source>
        <translation>%1 байт, ttl %2, простой %3 с</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="504"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="562"/>
        <source>add server: %1</source>
        <translation>добавление сервера: %1</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="569"/>
        <source>%1 started (a new memcached process)%2</source>
        <translation>%1 запущен (новый процесс memcached)%2</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="571"/>
        <source>; the proxy keeps its configured pool</source>
        <translation>; прокси сохраняет настроенный пул</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="579"/>
        <source>%1 is not a server of the local demo cluster: nothing done</source>
        <translation>%1 не является сервером локального демонстрационного кластера: ничего не сделано</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="588"/>
        <source>killed (SIGKILL)</source>
        <translation>убит (SIGKILL)</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="592"/>
        <source>hung (SIGSTOP)</source>
        <translation>заморожен (SIGSTOP)</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="596"/>
        <source>resumed (SIGCONT)</source>
        <translation>возобновлён (SIGCONT)</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="600"/>
        <source>restarted, empty</source>
        <translation>перезапущен, пустой</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="604"/>
        <source>stopped cleanly and removed</source>
        <translation>штатно остановлен и удалён</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="609"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterbridge.cpp" line="663"/>
        <source>%1 is %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::ComparisonPanel</name>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="75"/>
        <source>Replication schemes</source>
        <translation>Схемы репликации</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="76"/>
        <source>Measure</source>
        <translation>Измерить</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="85"/>
        <source>The server (SPEC) an add brings; empty: measure no add</source>
        <translation>Сервер (SPEC), который добавляется; пусто — добавление не измеряется</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="87"/>
        <source>The server a remove takes away</source>
        <translation>Сервер, который удаляется</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="89"/>
        <source>Also measure master-slave, ring and multi-master replication on the window&apos;s placement</source>
        <translation>Также измерить репликацию master-slave, ring (кольцевую) и multi-master на размещении, выбранном в окне</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="91"/>
        <source>Add:</source>
        <translation>Добавить:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="92"/>
        <source>Remove:</source>
        <translation>Удалить:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="99"/>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="99"/>
        <source>Hash</source>
        <translation>Хеш</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="99"/>
        <source>Moved (add)</source>
        <translation>Перемещено (добавление)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="100"/>
        <source>Moved (remove)</source>
        <translation>Перемещено (удаление)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="100"/>
        <source>Max/mean</source>
        <translation>Макс./сред.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="100"/>
        <source>Stddev</source>
        <translation>Ст. откл.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="101"/>
        <source>Reads lost</source>
        <translation>Потеряно чтений</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="101"/>
        <source>Writes refused</source>
        <translation>Отклонено записей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="101"/>
        <source>ns/key</source>
        <translation>нс/ключ</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="103"/>
        <source>Placement method (and replication scheme)</source>
        <translation>Метод размещения (и схема репликации)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="104"/>
        <source>The hash the method uses</source>
        <translation>Хеш-функция, которую использует метод</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="105"/>
        <source>Keys (copies, with replication) that move to another server when the server is added</source>
        <translation>Ключи (при репликации — копии), которые переходят на другой сервер при добавлении сервера</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="106"/>
        <source>Keys (copies) that move when the server is removed</source>
        <translation>Ключи (копии), которые перемещаются при удалении сервера</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="107"/>
        <source>Load imbalance: the busiest server&apos;s load over its fair share (weighted); 1 is perfect</source>
        <translation>Дисбаланс нагрузки: нагрузка самого загруженного сервера, делённая на его справедливую долю (с учётом весов); 1 — идеально</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="108"/>
        <source>Standard deviation of the servers&apos; loads over the mean</source>
        <translation>Стандартное отклонение нагрузки серверов, делённое на среднее</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="109"/>
        <source>Reads that find no copy with the busiest server down</source>
        <translation>Чтения, которые не находят ни одной копии, когда самый загруженный сервер недоступен</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="110"/>
        <source>Writes the scheme refuses with the busiest server down (master-slave writes only to the primary)</source>
        <translation>Записи, которые схема отклоняет, когда самый загруженный сервер недоступен (master-slave пишет только на ведущий)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="111"/>
        <source>Lookup cost per key on one thread, every replica included (measured here, it varies)</source>
        <translation>Стоимость поиска в расчёте на ключ в одном потоке, включая все реплики (измерено на этой машине, значение колеблется)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="153"/>
        <source>The same numbers:</source>
        <translation>Те же числа:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="184"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="241"/>
        <source>Add: %1</source>
        <translation>Добавление: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="249"/>
        <source>measuring %1 keys…</source>
        <translation>измерение на %1 ключах…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="282"/>
        <source>Cannot compare: %1</source>
        <translation>Сравнение невозможно: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="289"/>
        <source>%1 keys; ideal moves: add %2%, remove %3%; the server down: %4</source>
        <translation>Ключей: %1; идеальные перемещения: добавление %2%, удаление %3%; отключаемый сервер: %4</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="355"/>
        <source>ideal</source>
        <translation>идеал</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="366"/>
        <source> (%)</source>
        <translation> (%)</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::ConnectDialog</name>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="51"/>
        <source>Connect</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="58"/>
        <source>memcached servers</source>
        <translation>серверы memcached</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="59"/>
        <source>none: the client shards</source>
        <translation>нет: шардирует клиент</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="60"/>
        <source>twemproxy (nutcracker): server-side sharding</source>
        <translation>twemproxy (nutcracker): шардирование на стороне сервера</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="61"/>
        <source>nginx, round-robin</source>
        <translation>nginx, по кругу (round-robin)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="62"/>
        <source>nginx, least_conn</source>
        <translation>nginx, least_conn</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="63"/>
        <source>nginx, hash $key consistent</source>
        <translation>nginx, hash $key consistent</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="64"/>
        <source>in front</source>
        <translation>перед кластером</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="65"/>
        <source>Real memcached processes on 127.0.0.1 (UDP off), started and stopped by RingScope. Kill, hang and restart act on them for real.</source>
        <translation>Настоящие процессы memcached на 127.0.0.1 (UDP выключен), которые RingScope сам запускает и останавливает. Убийство, заморозка и перезапуск действуют на них по-настоящему.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="70"/>
        <source>Local demo</source>
        <translation>Демонстрационный кластер</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="75"/>
        <source>servers</source>
        <translation>серверы</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="76"/>
        <source>Server list</source>
        <translation>Список серверов</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="81"/>
        <source>nutcracker.yml#pool, mcrouter.json#pool, or a list with one server per line</source>
        <translation>nutcracker.yml#pool, mcrouter.json#pool или список по одному серверу в строке</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="82"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="85"/>
        <source>config file</source>
        <translation>файл конфигурации</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="87"/>
        <source>Cluster configuration</source>
        <translation>Конфигурация кластера</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="88"/>
        <source>Configurations (*.yml *.yaml *.json *.txt *.conf);;All files (*)</source>
        <translation>Конфигурации (*.yml *.yaml *.json *.txt *.conf);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="92"/>
        <source>Config file</source>
        <translation>Файл конфигурации</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="97"/>
        <source>configuration endpoint</source>
        <translation>конечная точка конфигурации</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="98"/>
        <source>Asks the endpoint for its nodes (config get cluster); reads only.</source>
        <translation>Запрашивает у конечной точки список узлов (config get cluster); только чтение.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="101"/>
        <source>ElastiCache</source>
        <translation>ElastiCache</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="103"/>
        <source>(the config&apos;s own, or libmemcached-ketama-weighted)</source>
        <translation>(из конфигурации или libmemcached-ketama-weighted)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="106"/>
        <source>(the preset&apos;s)</source>
        <translation>(из пресета)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="110"/>
        <source>preset</source>
        <translation>пресет</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="111"/>
        <source>hash</source>
        <translation>хеш</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="117"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="159"/>
        <source>preset %1 fixes its own hash: leave the hash at &quot;(the preset&apos;s)&quot;</source>
        <translation>пресет %1 задаёт собственный хеш: оставьте для хеша значение «(из пресета)»</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="171"/>
        <source>config file: give the path of a twemproxy .yml, an mcrouter .json or a server list</source>
        <translation>файл конфигурации: укажите путь к .yml twemproxy, .json mcrouter или списку серверов</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="172"/>
        <source>servers: give at least one host:port</source>
        <translation>серверы: укажите хотя бы один host:port</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="176"/>
        <source>config file: </source>
        <translation>файл конфигурации: </translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="176"/>
        <source>servers: </source>
        <translation>серверы: </translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="188"/>
        <source>configuration endpoint: give host:port</source>
        <translation>конечная точка конфигурации: укажите host:port</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="191"/>
        <source>configuration endpoint: </source>
        <translation>конечная точка конфигурации: </translation>
    </message>
</context>
<context>
    <name>ringscope::ui::KeyInspector</name>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="23"/>
        <source>Type a key, e.g. user:42</source>
        <translation>Введите ключ, например user:42</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="28"/>
        <source>Preset</source>
        <translation>Пресет</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="28"/>
        <source>Hash</source>
        <translation>Хеш</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="28"/>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="65"/>
        <source>No server holds it right now (asked with mg, no LRU bump).</source>
        <translation>Сейчас этот ключ не хранится ни на одном сервере (запрос mg, без обновления LRU).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="66"/>
        <source>Held right now (mg, no LRU bump):&lt;br&gt;</source>
        <translation>Сейчас хранится (mg, без обновления LRU):&lt;br&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="91"/>
        <source>Owner under every preset, for the servers on the ring.</source>
        <translation>Владелец при каждом пресете для серверов на кольце.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="107"/>
        <source>any (random per request)</source>
        <translation>любой (случайный при каждом запросе)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="121"/>
        <source>replicas (R=%1): %2</source>
        <translation>реплики (R=%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="122"/>
        <source>no replicas (R=1)</source>
        <translation>без реплик (R=1)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="123"/>
        <source>no replicas (R=1); if its owner fails, rehash sends it to %1</source>
        <translation>без реплик (R=1); при отказе владельца rehash отправит ключ на %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="124"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: position %2 on the ring → &lt;b&gt;%3&lt;/b&gt;; %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: позиция %2 на кольце → &lt;b&gt;%3&lt;/b&gt;; %4</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="89"/>
        <location filename="../../ui/mainwindow.cpp" line="1167"/>
        <source>RingScope</source>
        <translation>RingScope</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="94"/>
        <source>Ring</source>
        <translation>Кольцо</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="144"/>
        <source>ElastiCache discovery: %1</source>
        <translation>обнаружение узлов ElastiCache: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="145"/>
        <source>ElastiCache</source>
        <translation>ElastiCache</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="152"/>
        <source>%1: %2 nodes (read-only until writing is switched on)</source>
        <translation>%1 — узлов: %2 (только чтение, пока не включена запись)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="158"/>
        <source>the local demo cluster could not start: %1</source>
        <translation>не удалось запустить локальный демонстрационный кластер: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="159"/>
        <source>Local demo cluster</source>
        <translation>Локальный демонстрационный кластер</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="162"/>
        <source>wrote the %1 sample keys to the cluster with %2%3</source>
        <translation>тестовые ключи записаны в кластер: %1, пресет %2%3</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="164"/>
        <source> (%1 failed)</source>
        <translation> (с ошибкой: %1)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="170"/>
        <location filename="../../ui/mainwindow.cpp" line="496"/>
        <source>added %1</source>
        <translation>добавлен %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="176"/>
        <location filename="../../ui/mainwindow.cpp" line="512"/>
        <source>removed %1</source>
        <translation>удалён %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="196"/>
        <source>watching %1 (read-only)</source>
        <translation>наблюдение за %1 (только чтение)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="197"/>
        <source>opened %1 (offline: placement only)</source>
        <translation>открыт %1 (офлайн: только размещение)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="264"/>
        <source>starting a local demo cluster of %1 memcached servers%2…</source>
        <translation>запуск локального демонстрационного кластера, серверов memcached: %1%2…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="266"/>
        <source> behind %1</source>
        <translation> за %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="275"/>
        <source>watching %1 (read-only until writing is switched on)</source>
        <translation>наблюдение за %1 (только чтение, пока не включена запись)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="284"/>
        <source>asking %1 for its nodes…</source>
        <translation>запрос списка узлов у %1…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="296"/>
        <source>local demo cluster: %1 memcached processes started on 127.0.0.1%2</source>
        <translation>локальный демонстрационный кластер: процессов memcached на 127.0.0.1 запущено: %1%2</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="299"/>
        <source>, %1 on %2 in front%3</source>
        <translation>, перед ними %1 на %2%3</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="302"/>
        <source> (nginx only reads: writes go to the servers)</source>
        <translation> (nginx только читает: запись идёт напрямую на серверы)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="340"/>
        <source>Write to this cluster?</source>
        <translation>Писать в этот кластер?</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="341"/>
        <source>%1 is not on this machine. With writing on, RingScope&apos;s traffic generator and sample keys write to it (set, and add for read-repair). Switch writing on?</source>
        <translation>%1 находится не на этой машине. При включённой записи генератор трафика RingScope и тестовые ключи пишут в него (set, а также add для восстановления при чтении). Включить запись?</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="357"/>
        <source>writing switched on for %1</source>
        <translation>запись включена для %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="357"/>
        <source>writing switched off: read-only</source>
        <translation>запись выключена: только чтение</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="388"/>
        <source>unknown preset &apos;%1&apos;</source>
        <translation>неизвестный пресет «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="398"/>
        <source>, hash_tag %1</source>
        <translation>, hash_tag %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="424"/>
        <source>%1: %2 of %3 keys moved (%4%)</source>
        <translation>%1 — ключей перемещено: %2 из %3 (%4%)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="439"/>
        <source>a cluster needs at least one server</source>
        <translation>в кластере должен быть хотя бы один сервер</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="477"/>
        <source>the local demo cluster is not running yet</source>
        <translation>локальный демонстрационный кластер ещё не запущен</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="495"/>
        <source>what-if: added %1 (no server touched)</source>
        <translation>«что если»: добавлен %1 (серверы не затронуты)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="502"/>
        <location filename="../../ui/mainwindow.cpp" line="531"/>
        <source>select a server first (click its arc or its row)</source>
        <translation>сначала выберите сервер (щёлкните его дугу или строку)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="504"/>
        <source>the last server cannot be removed</source>
        <translation>последний сервер удалить нельзя</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="512"/>
        <source>what-if: removed %1 (no server touched)</source>
        <translation>«что если»: удалён %1 (серверы не затронуты)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="518"/>
        <source>no server %1</source>
        <translation>нет сервера %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="520"/>
        <source>a weight is a whole number from 1 up</source>
        <translation>вес — целое число от 1 и больше</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="525"/>
        <source>weight of %1: %2 → %3</source>
        <translation>вес %1: %2 → %3</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="536"/>
        <source>at least one server has to stay</source>
        <translation>должен остаться хотя бы один сервер</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="541"/>
        <source>what-if: %1 fails and is ejected (no server touched)</source>
        <translation>«что если»: %1 отказывает и исключается (серверы не затронуты)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="542"/>
        <source>what-if: %1 is back</source>
        <translation>«что если»: %1 снова в строю</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="549"/>
        <source>points per server: a whole number from 1 to 10000 (0: the preset&apos;s default)</source>
        <translation>точек на сервер: целое число от 1 до 10000 (0 — по умолчанию для пресета)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="554"/>
        <source>points per server: the preset&apos;s default</source>
        <translation>точек на сервер: по умолчанию для пресета</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="554"/>
        <source>points per server: %1</source>
        <translation>точек на сервер: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="570"/>
        <source>preset %1 %2</source>
        <translation>пресет %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="622"/>
        <source>on-failure rehash: the ring without the servers that are down</source>
        <translation>rehash при отказе: кольцо без недоступных серверов</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="650"/>
        <source>traffic: %1</source>
        <translation>трафик: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="654"/>
        <source>traffic %1 ops/s (%2), replication %3, R=%4, reads %5, on failure %6</source>
        <translation>трафик %1 оп/с (%2), репликация %3, R=%4, чтение %5, при отказе %6</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="704"/>
        <source>&amp;Cluster</source>
        <translation>&amp;Кластер</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="705"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Подключиться…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="711"/>
        <source>Recent clusters</source>
        <translation>Недавние кластеры</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="714"/>
        <source>&amp;Writing allowed</source>
        <translation>&amp;Запись разрешена</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="716"/>
        <source>Let RingScope write (sample keys, traffic, read-repair) to this cluster</source>
        <translation>Разрешить RingScope писать в этот кластер (тестовые ключи, трафик, восстановление при чтении)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="718"/>
        <source>What-if: &amp;fail the selected server</source>
        <translation>«Что если»: &amp;отказ выбранного сервера</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="723"/>
        <source>What-if</source>
        <translation>«Что если»</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="727"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="729"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="730"/>
        <source>&amp;Dark theme</source>
        <translation>&amp;Тёмная тема</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="733"/>
        <source>Show &amp;replicas</source>
        <translation>Показывать &amp;реплики</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="736"/>
        <source>With a server picked out and R &gt; 1, the keys it keeps as a replica get a halo (P)</source>
        <translation>Когда выбран сервер и R &gt; 1, ключи, которые он хранит как реплику, выделяются ореолом (P)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="742"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="743"/>
        <source>&amp;About RingScope</source>
        <translation>&amp;О программе RingScope</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="745"/>
        <source>About RingScope</source>
        <translation>О программе RingScope</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="746"/>
        <source>&lt;h3&gt;RingScope %1&lt;/h3&gt;&lt;p&gt;The consistent-hash ring of memcached clusters: which server owns which key, placed exactly as libmemcached, twemproxy, python-memcached, pymemcache, spymemcached, nginx, mcrouter and memcached&apos;s proxy place it; live stats, failover and replication on real servers.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later. Plots by QCustomPlot (GPL-3.0); Qt %2; asio.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RingScope %1&lt;/h3&gt;&lt;p&gt;Кольцо консистентного хеширования кластеров memcached: какой сервер владеет каким ключом, причём ключи размещаются точно так же, как их размещают libmemcached, twemproxy, python-memcached, pymemcache, spymemcached, nginx, mcrouter и прокси самого memcached; живая статистика, переключение при отказе и репликация на настоящих серверах.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later. Графики — QCustomPlot (GPL-3.0); Qt %2; asio.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="754"/>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="797"/>
        <source>Open cluster</source>
        <translation>Открытие кластера</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="815"/>
        <source>Kill</source>
        <translation>Убить</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="815"/>
        <source>SIGKILL the selected demo server: a crash (K)</source>
        <translation>Послать SIGKILL выбранному демонстрационному серверу: аварийное завершение (K)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="816"/>
        <source>Hang</source>
        <translation>Заморозить</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="816"/>
        <source>SIGSTOP the selected demo server: it stops answering (H)</source>
        <translation>Послать SIGSTOP выбранному демонстрационному серверу: он перестаёт отвечать (H)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="818"/>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="818"/>
        <source>SIGCONT the selected demo server (U)</source>
        <translation>Послать SIGCONT выбранному демонстрационному серверу (U)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="819"/>
        <source>Restart</source>
        <translation>Перезапустить</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="819"/>
        <source>Start the selected demo server again, empty (T)</source>
        <translation>Снова запустить выбранный демонстрационный сервер, пустым (T)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="827"/>
        <source>Demo cluster</source>
        <translation>Демонстрационный кластер</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="827"/>
        <source>Select a server first (click its arc or its row).</source>
        <translation>Сначала выберите сервер (щёлкните его дугу или строку).</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="841"/>
        <source>Cluster</source>
        <translation>Кластер</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="852"/>
        <source>host:port[:weight][ name], separated by commas; Enter applies (placement only)</source>
        <translation>host:port[:weight][ name] через запятую; Enter применяет (только размещение)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="857"/>
        <source> keys</source>
        <translation> ключей</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="858"/>
        <source>Sample keys drawn on the ring (written to the demo cluster)</source>
        <translation>Тестовые ключи на кольце (записываются в демонстрационный кластер)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="860"/>
        <source>Connect…</source>
        <translation>Подключиться…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="865"/>
        <source> Preset </source>
        <translation> Пресет </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="867"/>
        <source> Hash </source>
        <translation> Хеш </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="869"/>
        <source> Servers </source>
        <translation> Серверы </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="874"/>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="876"/>
        <location filename="../../ui/mainwindow.cpp" line="878"/>
        <source>Add server</source>
        <translation>Добавить сервер</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="881"/>
        <source>Demo cluster: start one more memcached. Elsewhere: what-if (Ctrl++)</source>
        <translation>Демонстрационный кластер: запустить ещё один memcached. В остальных случаях: «что если» (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="882"/>
        <location filename="../../ui/mainwindow.cpp" line="884"/>
        <source>Remove server</source>
        <translation>Удалить сервер</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="887"/>
        <source>Demo cluster: stop the selected memcached cleanly. Elsewhere: what-if (Del)</source>
        <translation>Демонстрационный кластер: штатно остановить выбранный memcached. В остальных случаях: «что если» (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="888"/>
        <source>What-if fail</source>
        <translation>«Что если»: отказ</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="889"/>
        <source>Draw the selected server failed and ejected, without touching it (F)</source>
        <translation>Показать выбранный сервер отказавшим и исключённым, не трогая его (F)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="890"/>
        <source>Replay</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="892"/>
        <source>Replay the last change (R)</source>
        <translation>Повторить анимацию последнего изменения (R)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="895"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="897"/>
        <source>Animation speed</source>
        <translation>Скорость анимации</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="921"/>
        <location filename="../../ui/mainwindow.cpp" line="925"/>
        <location filename="../../ui/mainwindow.cpp" line="1055"/>
        <source>Servers</source>
        <translation>Серверы</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="924"/>
        <source>servers set to %1</source>
        <translation>заданы серверы %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="932"/>
        <source>%1 sample keys</source>
        <translation>тестовых ключей: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="939"/>
        <source>Traffic and replication</source>
        <translation>Трафик и репликация</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="945"/>
        <source>Replication of our traffic: none, master-slave, ring (owner + next R-1), multi-master (write quorum W)</source>
        <translation>Репликация нашего трафика: none (нет), master-slave, ring (владелец + следующие R-1), multi-master (кворум записи W)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="950"/>
        <source>R=</source>
        <translation>R=</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="953"/>
        <source>W=all</source>
        <translation>W=все</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="954"/>
        <source>W=majority</source>
        <translation>W=большинство</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="955"/>
        <source>W=1</source>
        <translation>W=1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="961"/>
        <source>Which replica a read goes to first</source>
        <translation>К какой реплике чтение обращается в первую очередь</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="965"/>
        <source>Without replication, the keys of a server that is down: miss, or go to the next server on the ring (auto-eject)</source>
        <translation>Без репликации ключи недоступного сервера либо дают промах (miss), либо переходят к следующему серверу на кольце (auto-eject)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="967"/>
        <location filename="../../ui/mainwindow.cpp" line="1010"/>
        <source>Traffic</source>
        <translation>Трафик</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="969"/>
        <source>RingScope&apos;s traffic generator: Zipf keys, 90% gets, cache-aside fill (writes)</source>
        <translation>Генератор трафика RingScope: ключи по закону Ципфа, 90% get, заполнение cache-aside (записи)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="974"/>
        <source> ops/s</source>
        <translation> оп/с</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="976"/>
        <source> Replication </source>
        <translation> Репликация </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="980"/>
        <source> Reads </source>
        <translation> Чтение </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="982"/>
        <source> On failure </source>
        <translation> При отказе </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1011"/>
        <source>The traffic generator writes (cache-aside fill). Switch writing on first (Cluster ▸ Writing allowed); the demo cluster allows it.</source>
        <translation>Генератор трафика пишет в кластер (заполнение cache-aside). Сначала включите запись (Кластер ▸ Запись разрешена); демонстрационный кластер это разрешает.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1070"/>
        <source>Key inspector</source>
        <translation>Инспектор ключей</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1076"/>
        <source>Plots</source>
        <translation>Графики</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="96"/>
        <source>Compare methods</source>
        <translation>Сравнение методов</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1082"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1135"/>
        <source>local demo cluster (real memcached on 127.0.0.1, started by RingScope)</source>
        <translation>локальный демонстрационный кластер (настоящие memcached на 127.0.0.1, запущены RingScope)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1136"/>
        <source>watching %1</source>
        <translation>наблюдение за %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1136"/>
        <source>a cluster</source>
        <translation>кластером</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1137"/>
        <source>offline: no server is contacted</source>
        <translation>офлайн: серверы не опрашиваются</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1138"/>
        <source>%1 servers · %2 (%3) · %4 sample keys · %5</source>
        <translation>серверов: %1 · %2 (%3) · тестовых ключей: %4 · %5</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1144"/>
        <source>traffic %1 ops/s · hit %2 · p99 %3 ms</source>
        <translation>трафик %1 оп/с · попадания %2 · p99 %3 мс</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1150"/>
        <source>no traffic</source>
        <translation>нет трафика</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1153"/>
        <source> OFFLINE </source>
        <translation> ОФЛАЙН </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1156"/>
        <source> WRITING </source>
        <translation> ЗАПИСЬ </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1156"/>
        <source> READ-ONLY </source>
        <translation> ТОЛЬКО ЧТЕНИЕ </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1160"/>
        <source>RingScope may write to this cluster (sample keys, traffic, read-repair)</source>
        <translation>RingScope может писать в этот кластер (тестовые ключи, трафик, восстановление при чтении)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="1161"/>
        <source>RingScope only reads: stats, metadump, mg without LRU bump</source>
        <translation>RingScope только читает: stats, metadump, mg без обновления LRU</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::PlotsPanel</name>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="44"/>
        <source>Gets/s</source>
        <translation>Get/с</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="44"/>
        <source>Hit ratio</source>
        <translation>Доля попаданий</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="44"/>
        <source>Keys per server</source>
        <translation>Ключи по серверам</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="44"/>
        <source>Last change</source>
        <translation>Последнее изменение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="45"/>
        <source>Latency</source>
        <translation>Задержка</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="68"/>
        <source>gets/s (stats)</source>
        <translation>get/с (stats)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="69"/>
        <source>ms</source>
        <translation>мс</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="76"/>
        <source>hit ratio</source>
        <translation>доля попаданий</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="78"/>
        <source>unavailable/s</source>
        <translation>недоступно/с</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="80"/>
        <source>servers (stats)</source>
        <translation>серверы (stats)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="83"/>
        <source>our traffic</source>
        <translation>наш трафик</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="86"/>
        <source>unavailable/s (our traffic)</source>
        <translation>недоступно/с (наш трафик)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="92"/>
        <source>our traffic p50</source>
        <translation>наш трафик p50</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="95"/>
        <source>our traffic p99</source>
        <translation>наш трафик p99</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="99"/>
        <source>share of keys, %</source>
        <translation>доля ключей, %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="103"/>
        <source>owned</source>
        <translation>во владении</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="108"/>
        <source>ideal (weights)</source>
        <translation>идеал (по весам)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="114"/>
        <source>keys</source>
        <translation>ключи</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="118"/>
        <source>moved in</source>
        <translation>пришло</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="122"/>
        <source>moved out</source>
        <translation>ушло</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="194"/>
        <source> (gone)</source>
        <translation> (удалён)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="212"/>
        <source>%1 keys moved in the last change</source>
        <translation>ключей перемещено при последнем изменении: %1</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::RingView</name>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="477"/>
        <source>  +%1 −%2</source>
        <translation>  +%1 −%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="479"/>
        <source>%1  %2 keys  %3% (ideal %4%)%5%6</source>
        <translation>%1  ключей: %2  %3% (идеал %4%)%5%6</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="484"/>
        <source>  — not answering</source>
        <translation>  — не отвечает</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="489"/>
        <source>… and %1 more servers (the Servers table lists them all)</source>
        <translation>… и ещё серверов: %1 (все они есть в таблице «Серверы»)</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="493"/>
        <source>%1 (%2): no ring — owner from the hash alone</source>
        <translation>%1 (%2): кольца нет — владелец определяется только по хешу</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="494"/>
        <source>%1 (%2): %3 ring points</source>
        <translation>%1 (%2): точек на кольце: %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="687"/>
        <source>where the moved keys went (largest %1 of %2 flows)</source>
        <translation>куда ушли перемещённые ключи (крупнейшие потоки: %1 из %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="688"/>
        <source>where the moved keys went</source>
        <translation>куда ушли перемещённые ключи</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="701"/>
        <source>keys moved: %1 / %2 (%3%)</source>
        <translation>перемещено ключей: %1 / %2 (%3%)</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="833"/>
        <source>&lt;br&gt;replicas %1</source>
        <translation>&lt;br&gt;реплики %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="836"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;hash %2 (0x%3)&lt;br&gt;owner %4%5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;хеш %2 (0x%3)&lt;br&gt;владелец %4%5</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::ServerTableModel</name>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="99"/>
        <source>not watched</source>
        <translation>не наблюдается</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="101"/>
        <source>up</source>
        <translation>работает</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="103"/>
        <source>suspect</source>
        <translation>под подозрением</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="105"/>
        <source>down</source>
        <translation>недоступен</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="107"/>
        <source>hung</source>
        <translation>заморожен</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="109"/>
        <source>killed</source>
        <translation>убит</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="111"/>
        <source>warming</source>
        <translation>прогревается</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="113"/>
        <source>ejected</source>
        <translation>исключён</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="217"/>
        <source>Keys this server holds that the preset places elsewhere (from the last audit)</source>
        <translation>Ключи, которые хранятся на этом сервере, хотя пресет размещает их на другом (по последнему аудиту)</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="219"/>
        <source>Requests RingScope&apos;s own traffic generator sent to this server, per second</source>
        <translation>Запросы собственного генератора трафика RingScope к этому серверу, в секунду</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="221"/>
        <source>Round trip of the last stats request</source>
        <translation>Время отклика на последний запрос stats</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="245"/>
        <source>hung · down</source>
        <translation>заморожен · недоступен</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="279"/>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="294"/>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="296"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="298"/>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="300"/>
        <source>Points</source>
        <translation>Точки</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="302"/>
        <source>Keys owned</source>
        <translation>Ключей во владении</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="304"/>
        <source>Share</source>
        <translation>Доля</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="306"/>
        <source>Ideal</source>
        <translation>Идеал</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="308"/>
        <source>Keys held</source>
        <translation>Ключей хранится</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="310"/>
        <source>Misplaced</source>
        <translation>Не на месте</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="312"/>
        <source>Gets/s</source>
        <translation>Get/с</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="314"/>
        <source>Sets/s</source>
        <translation>Set/с</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="316"/>
        <source>Hit ratio</source>
        <translation>Доля попаданий</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="318"/>
        <source>Memory</source>
        <translation>Память</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="320"/>
        <source>Evictions/s</source>
        <translation>Вытеснений/с</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="322"/>
        <source>Latency</source>
        <translation>Задержка</translation>
    </message>
    <message>
        <location filename="../../ui/models/servertablemodel.cpp" line="324"/>
        <source>Our req/s</source>
        <translation>Наших запр./с</translation>
    </message>
</context>
</TS>
