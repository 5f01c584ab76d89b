<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/session/clusterrequest.cpp" line="15"/>
        <source>local demo, %1 servers</source>
        <translation>демонстрационный кластер, серверов: %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clusterrequest.cpp" line="16"/>
        <source>local demo, %1 servers behind %2</source>
        <translation>демонстрационный кластер, серверов: %1, перед ними %2</translation>
    </message>
    <message>
        <location filename="../../ui/session/clusterrequest.cpp" line="21"/>
        <source>ElastiCache %1</source>
        <translation>ElastiCache %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionfile.cpp" line="55"/>
        <location filename="../../ui/util/tableexport.cpp" line="31"/>
        <location filename="../../ui/util/tableexport.cpp" line="36"/>
        <source>cannot write %1: %2</source>
        <translation>не удалось записать %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionfile.cpp" line="88"/>
        <source>cannot read %1: %2</source>
        <translation>не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionfile.cpp" line="102"/>
        <source>%1:%2: not a JSON object (%3)</source>
        <translation>%1:%2: не объект JSON (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionfile.cpp" line="109"/>
        <source>%1 is not a RingScope session (its first line does not say &quot;%2&quot;)</source>
        <translation>%1 не является сеансом RingScope (в его первой строке нет «%2»)</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionfile.cpp" line="113"/>
        <source>%1 was recorded by a newer RingScope (version %2)</source>
        <translation>%1 записан более новой версией RingScope (версия формата %2)</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionfile.cpp" line="119"/>
        <source>%1:%2: keys must be from 1 to 1000000</source>
        <translation>%1:%2: число ключей должно быть от 1 до 1000000</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionfile.cpp" line="134"/>
        <source>%1:%2: servers: %3</source>
        <translation>%1:%2: серверы: %3</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionfile.cpp" line="138"/>
        <source>%1:%2: more than 1000 servers</source>
        <translation>%1:%2: больше 1000 серверов</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionfile.cpp" line="143"/>
        <source>%1:%2: points must be from 0 to 10000</source>
        <translation>%1:%2: число точек должно быть от 0 до 10000</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionfile.cpp" line="127"/>
        <source>%1:%2: a record needs a known &quot;type&quot; and a time &quot;t&quot;</source>
        <translation>%1:%2: у записи должны быть известный тип «type» и время «t»</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionfile.cpp" line="150"/>
        <source>%1 is empty</source>
        <translation>%1: файл пуст</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionfile.cpp" line="155"/>
        <source>%1 holds no topology: nothing to show</source>
        <translation>в %1 нет топологии: показывать нечего</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson.cpp" line="54"/>
        <source>&quot;%1&quot; needs &quot;%2&quot;: a number from %3 to %4</source>
        <translation>для «%1» нужно «%2»: число от %3 до %4</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson.cpp" line="69"/>
        <source>&quot;within&quot; is seconds, from 0 to 600</source>
        <translation>«within» — это секунды, от 0 до 600</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson.cpp" line="75"/>
        <source>&quot;share&quot; needs {&quot;server&quot;: N, &quot;range&quot;: [low, high]}</source>
        <translation>для «share» нужно {&quot;server&quot;: N, &quot;range&quot;: [low, high]}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson.cpp" line="79"/>
        <source>&quot;%1&quot; can only be true</source>
        <translation>«%1» может быть только true</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson.cpp" line="80"/>
        <source>&quot;%1&quot; needs a range: [low, high]</source>
        <translation>для «%1» нужен диапазон: [low, high]</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson.cpp" line="106"/>
        <source>not JSON: %1 at byte %2</source>
        <translation>не JSON: %1 (байт %2)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson.cpp" line="113"/>
        <source>the lesson has no &quot;title&quot;</source>
        <translation>у урока нет поля «title»</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson.cpp" line="118"/>
        <source>the lesson has no &quot;steps&quot;</source>
        <translation>у урока нет поля «steps»</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson.cpp" line="127"/>
        <source>step %1 has no &quot;text&quot;</source>
        <translation>у шага %1 нет поля «text»</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson.cpp" line="134"/>
        <source>step %1: unknown action &quot;%2&quot; (known: %3)</source>
        <translation>шаг %1: неизвестное действие «%2» (известные: %3)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson.cpp" line="138"/>
        <location filename="../../ui/panels/lesson.cpp" line="149"/>
        <source>step %1: %2</source>
        <translation>шаг %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lesson.cpp" line="146"/>
        <source>step %1: unknown check &quot;%2&quot; (known: %3)</source>
        <translation>шаг %1: неизвестная проверка «%2» (известные: %3)</translation>
    </message>
</context>
<context>
    <name>RingPainter</name>
    <message>
        <location filename="../../ui/views/ringpainter.cpp" line="333"/>
        <source>  +%1 −%2</source>
        <translation>  +%1 −%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringpainter.cpp" line="335"/>
        <source>%1  %2 keys  %3% (ideal %4%)%5%6</source>
        <translation>%1  ключей: %2  %3% (идеал %4%)%5%6</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringpainter.cpp" line="340"/>
        <source>  — not answering</source>
        <translation>  — не отвечает</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringpainter.cpp" line="345"/>
        <source>… and %1 more servers (the Servers table lists them all)</source>
        <translation>… и ещё серверов: %1 (все они есть в таблице «Серверы»)</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringpainter.cpp" line="349"/>
        <source>%1 (%2): no ring — owner from the hash alone</source>
        <translation>%1 (%2): кольца нет — владелец определяется только по хешу</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringpainter.cpp" line="350"/>
        <source>%1 (%2): %3 ring points</source>
        <translation>%1 (%2): точек на кольце: %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringpainter.cpp" line="453"/>
        <source>where the moved keys went (largest %1 of %2 flows)</source>
        <translation>куда ушли перемещённые ключи (крупнейшие потоки: %1 из %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringpainter.cpp" line="454"/>
        <source>where the moved keys went</source>
        <translation>куда ушли перемещённые ключи</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringpainter.cpp" line="473"/>
        <source>keys moved: %1 / %2 (%3%)</source>
        <translation>перемещено ключей: %1 / %2 (%3%)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="73"/>
        <source>Consistent-hash ring and key placement of memcached clusters</source>
        <translation>Кольцо консистентного хеширования и размещение ключей в кластерах memcached</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="77"/>
        <source>Servers: host:port[:weight][ name],... or @file</source>
        <translation>Серверы: host:port[:weight][ name],... или @file</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="79"/>
        <source>Placement preset</source>
        <translation>Пресет размещения</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="81"/>
        <source>Key hash</source>
        <translation>Хеш-функция ключей</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="83"/>
        <source>Sample keys to place</source>
        <translation>Сколько тестовых ключей разместить</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="93"/>
        <source>Servers in the local demo cluster (default without --servers: 4)</source>
        <translation>Число серверов в локальном демонстрационном кластере (по умолчанию без --servers: 4)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="96"/>
        <source>Only compute placement: contact no server</source>
        <translation>Только вычислить размещение, не обращаясь ни к одному серверу</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="98"/>
        <source>A twemproxy .yml or mcrouter .json (FILE#pool picks a pool)</source>
        <translation>Файл .yml twemproxy или .json mcrouter (FILE#pool выбирает пул)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="101"/>
        <source>In front of the demo cluster: twemproxy, nginx-rr, nginx-least-conn or nginx-hash</source>
        <translation>Прокси перед демонстрационным кластером: twemproxy, nginx-rr, nginx-least-conn или nginx-hash</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="104"/>
        <source>Demo traffic, operations a second (0: none; default 150)</source>
        <translation>Трафик демонстрационного кластера, операций в секунду (0 — без трафика; по умолчанию 150)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="107"/>
        <source>Language of the program: en or ru (default: the saved choice, else the system&apos;s)</source>
        <translation>Язык программы: en или ru (по умолчанию — сохранённый выбор, а если его нет — системный)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="110"/>
        <source>Open guided lesson N (1-8, or your own after them)</source>
        <translation>Открыть урок N (1–8; ваши собственные уроки идут после них)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="113"/>
        <source>Open on the Compare methods tab</source>
        <translation>Открыть на вкладке «Сравнение методов»</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="118"/>
        <source>give --servers or --config, not both</source>
        <translation>укажите --servers или --config, но не оба сразу</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="141"/>
        <source>unknown preset &apos;%1&apos; (see ringscope-cli presets)</source>
        <translation>неизвестный пресет «%1» (см. ringscope-cli presets)</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="144"/>
        <source>unknown hash &apos;%1&apos;</source>
        <translation>неизвестная хеш-функция «%1»</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="151"/>
        <source>--demo must be a number of servers from 1 to 32</source>
        <translation>--demo: число серверов должно быть от 1 до 32</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="156"/>
        <source>--proxy &apos;%1&apos;: expected twemproxy, nginx-rr, nginx-least-conn or nginx-hash</source>
        <translation>--proxy «%1»: ожидается twemproxy, nginx-rr, nginx-least-conn или nginx-hash</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="158"/>
        <source>--proxy goes in front of the local demo cluster: not with --servers, --config or --offline</source>
        <translation>--proxy ставится перед локальным демонстрационным кластером: его нельзя сочетать с --servers, --config или --offline</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="163"/>
        <source>--traffic must be a rate from 0 to 100000 operations a second</source>
        <translation>--traffic: интенсивность должна быть от 0 до 100000 операций в секунду</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="167"/>
        <source>--keys must be a number from 1 to 1000000</source>
        <translation>--keys: число ключей должно быть от 1 до 1000000</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="176"/>
        <source>--lesson must be a lesson number, 1 or more</source>
        <translation>--lesson — номер урока, 1 или больше</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="178"/>
        <source>--lesson %1: there are %2 lessons</source>
        <translation>--lesson %1: уроков всего %2</translation>
    </message>
</context>
<context>
    <name>names</name>
    <message>
        <location filename="../../ui/util/names.cpp" line="10"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/util/names.cpp" line="11"/>
        <source>master-slave</source>
        <translation>master-slave</translation>
    </message>
    <message>
        <location filename="../../ui/util/names.cpp" line="12"/>
        <source>ring</source>
        <translation>ring</translation>
    </message>
    <message>
        <location filename="../../ui/util/names.cpp" line="13"/>
        <source>multi-master</source>
        <translation>multi-master</translation>
    </message>
    <message>
        <location filename="../../ui/util/names.cpp" line="21"/>
        <source>primary</source>
        <translation>первичная реплика</translation>
    </message>
    <message>
        <location filename="../../ui/util/names.cpp" line="22"/>
        <source>round-robin</source>
        <translation>по кругу (round-robin)</translation>
    </message>
    <message>
        <location filename="../../ui/util/names.cpp" line="23"/>
        <source>least outstanding</source>
        <translation>наименее загруженная</translation>
    </message>
    <message>
        <location filename="../../ui/util/names.cpp" line="24"/>
        <source>hash</source>
        <translation>по хешу</translation>
    </message>
    <message>
        <location filename="../../ui/util/names.cpp" line="32"/>
        <source>miss</source>
        <translation>промах</translation>
    </message>
    <message>
        <location filename="../../ui/util/names.cpp" line="33"/>
        <source>rehash</source>
        <translation>rehash</translation>
    </message>
    <message>
        <location filename="../../ui/util/names.cpp" line="41"/>
        <source>up</source>
        <translation>работает</translation>
    </message>
    <message>
        <location filename="../../ui/util/names.cpp" line="42"/>
        <source>suspect</source>
        <translation>под подозрением</translation>
    </message>
    <message>
        <location filename="../../ui/util/names.cpp" line="43"/>
        <source>down</source>
        <translation>недоступен</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::ClusterSession</name>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="45"/>
        <source>the local demo cluster could not start: %1</source>
        <translation>не удалось запустить локальный демонстрационный кластер: %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="46"/>
        <source>Local demo cluster</source>
        <translation>Локальный демонстрационный кластер</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="53"/>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="134"/>
        <source>added %1</source>
        <translation>добавлен %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="60"/>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="151"/>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="157"/>
        <source>removed %1</source>
        <translation>удалён %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="71"/>
        <source>ElastiCache discovery: %1</source>
        <translation>обнаружение узлов ElastiCache: %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="72"/>
        <source>ElastiCache</source>
        <translation>ElastiCache</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="79"/>
        <source>%1: %2 nodes (read-only until writing is switched on)</source>
        <translation>%1 — узлов: %2 (только чтение, пока не включена запись)</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="86"/>
        <source>wrote the %1 sample keys to the cluster with %2%3</source>
        <translation>тестовые ключи записаны в кластер: %1, пресет %2%3</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="88"/>
        <source> (%1 failed)</source>
        <translation> (с ошибкой: %1)</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="203"/>
        <source>its keys fail</source>
        <translation>запросы к его ключам завершаются ошибкой</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="206"/>
        <source>it leaves the ring, placement of the live servers</source>
        <translation>он покидает кольцо, ключи размещаются по живым серверам</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="209"/>
        <source>its keys are rehashed, up to 10 tries</source>
        <translation>его ключи хешируются заново, до 10 попыток</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="212"/>
        <source>its keys go to the next active node of KetamaIterator</source>
        <translation>его ключи уходят на следующий активный узел KetamaIterator</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="215"/>
        <source>nginx tries the next upstream</source>
        <translation>nginx пробует следующий upstream</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="218"/>
        <source>%1, set to eject</source>
        <translation>%1, с исключением сервера</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="219"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="263"/>
        <source>watching %1 (read-only)</source>
        <translation>наблюдение за %1 (только чтение)</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="264"/>
        <source>opened %1 (offline: placement only)</source>
        <translation>открыт %1 (офлайн: только размещение)</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="313"/>
        <source>starting a local demo cluster of %1 memcached servers%2…</source>
        <translation>запуск локального демонстрационного кластера, серверов memcached: %1%2…</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="315"/>
        <source> behind %1</source>
        <translation> за %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="325"/>
        <source>watching %1 (read-only until writing is switched on)</source>
        <translation>наблюдение за %1 (только чтение, пока не включена запись)</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="335"/>
        <source>asking %1 for its nodes…</source>
        <translation>запрос списка узлов у %1…</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="352"/>
        <source>local demo cluster: %1 memcached processes started on 127.0.0.1%2</source>
        <translation>локальный демонстрационный кластер: процессов memcached на 127.0.0.1 запущено: %1%2</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="355"/>
        <source>, %1 on %2 in front%3</source>
        <translation>, перед ними %1 на %2%3</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="358"/>
        <source> (nginx only reads: writes go to the servers)</source>
        <translation> (nginx только читает: запись идёт напрямую на серверы)</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="413"/>
        <source>a server is down or back: the keys as %1</source>
        <translation>сервер упал или вернулся: ключи так, как у %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="433"/>
        <source>%1 is %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="441"/>
        <source>%1 of %2 keys misplaced under %3</source>
        <translation>%1 из %2 ключей не на своём месте при %3</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="446"/>
        <source> (a server could not be read: %1)</source>
        <translation> (один сервер не прочитан: %1)</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="452"/>
        <source>audit: %1</source>
        <translation>аудит: %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="495"/>
        <source>writing switched on for %1</source>
        <translation>запись включена для %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="495"/>
        <source>writing switched off: read-only</source>
        <translation>запись выключена: только чтение</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="511"/>
        <source>traffic: %1</source>
        <translation>трафик: %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="513"/>
        <source>traffic %1 ops/s (%2), replication %3, R=%4, reads %5, on failure %6</source>
        <translation>трафик %1 оп/с (%2), репликация: %3, R=%4, чтение: %5, при отказе: %6</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="527"/>
        <source>a recorded session is playing: no traffic, no server is contacted</source>
        <translation>воспроизводится записанный сеанс: трафика нет, ни один сервер не затрагивается</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="591"/>
        <source>replay of %1</source>
        <translation>воспроизведение: %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="600"/>
        <source>no recorded session is playing</source>
        <translation>записанный сеанс не воспроизводится</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="603"/>
        <source>the session&apos;s servers do not parse: %1</source>
        <translation>не удалось разобрать список серверов сеанса: %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="616"/>
        <source>cannot show the recorded topology: %1</source>
        <translation>не удалось показать записанную топологию: %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersession.cpp" line="641"/>
        <source>the recorded session is over</source>
        <translation>воспроизведение записанного сеанса завершено</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="25"/>
        <source>unknown preset &apos;%1&apos;</source>
        <translation>неизвестный пресет «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="32"/>
        <source>, hash_tag %1</source>
        <translation>, hash_tag %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="68"/>
        <source>%1: %2 of %3 keys moved (%4%)</source>
        <translation>%1 — ключей перемещено: %2 из %3 (%4%)</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="93"/>
        <source>a cluster needs at least one server</source>
        <translation>в кластере должен быть хотя бы один сервер</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="125"/>
        <source>the local demo cluster is not running yet</source>
        <translation>локальный демонстрационный кластер ещё не запущен</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="133"/>
        <source>what-if: added %1 (no server touched)</source>
        <translation>«что если»: добавлен %1 (серверы не затронуты)</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="140"/>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="176"/>
        <source>select a server first (click its arc or its row)</source>
        <translation>сначала выберите сервер (щёлкните его дугу или строку)</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="142"/>
        <source>the last server cannot be removed</source>
        <translation>последний сервер удалить нельзя</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="148"/>
        <source>%1 is not a server of the local demo cluster</source>
        <translation>%1 — не сервер локального демонстрационного кластера</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="156"/>
        <source>what-if: removed %1 (no server touched)</source>
        <translation>«что если»: удалён %1 (серверы не затронуты)</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="163"/>
        <source>no server %1</source>
        <translation>нет сервера %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="165"/>
        <source>a weight is a whole number from 1 up</source>
        <translation>вес — целое число от 1 и больше</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="170"/>
        <source>weight of %1: %2 → %3</source>
        <translation>вес %1: %2 → %3</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="181"/>
        <source>at least one server has to stay</source>
        <translation>должен остаться хотя бы один сервер</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="186"/>
        <source>what-if: %1 fails and is ejected (no server touched)</source>
        <translation>«что если»: %1 отказывает и исключается (серверы не затронуты)</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="187"/>
        <source>what-if: %1 is back</source>
        <translation>«что если»: %1 снова в строю</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="194"/>
        <source>points per server: a whole number from 1 to 10000 (0: the preset&apos;s default)</source>
        <translation>точек на сервер: целое число от 1 до 10000 (0 — по умолчанию для пресета)</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="199"/>
        <source>points per server: the preset&apos;s default</source>
        <translation>точек на сервер: по умолчанию для пресета</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="199"/>
        <source>points per server: %1</source>
        <translation>точек на сервер: %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="216"/>
        <source>unknown hash &apos;%1&apos;</source>
        <translation>неизвестная хеш-функция «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="221"/>
        <source>preset %1 %2</source>
        <translation>пресет %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="235"/>
        <source>sample keys: a whole number from 1 to 10,000,000</source>
        <translation>тестовые ключи: целое число от 1 до 10 000 000</translation>
    </message>
    <message>
        <location filename="../../ui/session/clustersessiontopology.cpp" line="240"/>
        <source>%1 sample keys</source>
        <translation>тестовых ключей: %1</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::ClusterWatch</name>
    <message>
        <location filename="../../ui/bridge/clusterwatch.cpp" line="228"/>
        <source>? (%1)</source>
        <translation>? (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterwatch.cpp" line="230"/>
        <source>%1 bytes, ttl %2, idle %3 s</source>
        <translation>%1 байт, ttl %2, простой %3 с</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/clusterwatch.cpp" line="232"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::ComparisonPanel</name>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="62"/>
        <source>Replication schemes</source>
        <translation>Схемы репликации</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="64"/>
        <source>Save keys…</source>
        <translation>Сохранить ключи…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="65"/>
        <source>Measure</source>
        <translation>Измерить</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="74"/>
        <source>The server (SPEC) an add brings; empty: measure no add</source>
        <translation>Сервер (SPEC), который добавляется; пусто — добавление не измеряется</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="76"/>
        <source>The server a remove takes away</source>
        <translation>Сервер, который удаляется</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="78"/>
        <source>Also measure master-slave, ring and multi-master replication on the window&apos;s placement</source>
        <translation>Также измерить репликацию master-slave, ring (кольцевую) и multi-master на размещении, выбранном в окне</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="80"/>
        <source>The sample keys</source>
        <translation>Тестовые ключи</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="81"/>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="220"/>
        <source>The cluster&apos;s keys (metadump): none yet</source>
        <translation>Ключи кластера (metadump): пока нет</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="83"/>
        <source>Measure on the sample keys, or on the keys the servers really hold</source>
        <translation>Измерять на тестовых ключах или на ключах, которые серверы действительно хранят</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="84"/>
        <source>Save the keys measured on, for ringscope-cli compare --keys-file</source>
        <translation>Сохранить ключи, на которых шло измерение, для ringscope-cli compare --keys-file</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="89"/>
        <source>Keys:</source>
        <translation>Ключи:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="90"/>
        <source>Add:</source>
        <translation>Добавить:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="91"/>
        <source>Remove:</source>
        <translation>Удалить:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="98"/>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="98"/>
        <source>Hash</source>
        <translation>Хеш</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="98"/>
        <source>Moved (add)</source>
        <translation>Перемещено (добавление)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="99"/>
        <source>Moved (remove)</source>
        <translation>Перемещено (удаление)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="99"/>
        <source>Max/mean</source>
        <translation>Макс./сред.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="99"/>
        <source>Stddev</source>
        <translation>Ст. откл.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="100"/>
        <source>Reads lost</source>
        <translation>Потеряно чтений</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="100"/>
        <source>Writes refused</source>
        <translation>Отклонено записей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="100"/>
        <source>ns/key</source>
        <translation>нс/ключ</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="102"/>
        <source>Placement method (and replication scheme)</source>
        <translation>Метод размещения (и схема репликации)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="103"/>
        <source>The hash the method uses</source>
        <translation>Хеш-функция, которую использует метод</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="104"/>
        <source>Keys (copies, with replication) that move to another server when the server is added</source>
        <translation>Ключи (при репликации — копии), которые переходят на другой сервер при добавлении сервера</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="105"/>
        <source>Keys (copies) that move when the server is removed</source>
        <translation>Ключи (копии), которые перемещаются при удалении сервера</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="106"/>
        <source>Load imbalance: the busiest server&apos;s load over its fair share (weighted); 1 is perfect</source>
        <translation>Дисбаланс нагрузки: нагрузка самого загруженного сервера, делённая на его справедливую долю (с учётом весов); 1 — идеально</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="107"/>
        <source>Standard deviation of the servers&apos; loads over the mean</source>
        <translation>Стандартное отклонение нагрузки серверов, делённое на среднее</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="108"/>
        <source>Reads that find no copy with the busiest server down</source>
        <translation>Чтения, которые не находят ни одной копии, когда самый загруженный сервер недоступен</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="109"/>
        <source>Writes the scheme refuses with the busiest server down (master-slave writes only to the primary)</source>
        <translation>Записи, которые схема отклоняет, когда самый загруженный сервер недоступен (master-slave пишет только на ведущий)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="110"/>
        <source>Lookup cost per key on one thread, every replica included (measured here, it varies)</source>
        <translation>Стоимость поиска в расчёте на ключ в одном потоке, включая все реплики (измерено на этой машине, значение колеблется)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="152"/>
        <source>The same numbers:</source>
        <translation>Те же числа:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="167"/>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="172"/>
        <source>Save the keys</source>
        <translation>Сохранение ключей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="168"/>
        <source>Keys, one a line (*.txt)</source>
        <translation>Ключи, по одному в строке (*.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="204"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="228"/>
        <source>The cluster&apos;s keys (metadump): %1</source>
        <translation>Ключи кластера (metadump): %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="255"/>
        <source>no keys yet</source>
        <translation>ключей пока нет</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="258"/>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="264"/>
        <source>cannot write %1: %2</source>
        <translation>не удалось записать %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="309"/>
        <source>KEYS-FILE (Save keys…)</source>
        <translation>ФАЙЛ-КЛЮЧЕЙ (Сохранить ключи…)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="332"/>
        <source>Add: %1</source>
        <translation>Добавление: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="340"/>
        <source>measuring %1 keys…</source>
        <translation>измерение на %1 ключах…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="373"/>
        <source>Cannot compare: %1</source>
        <translation>Сравнение невозможно: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="380"/>
        <source>%1 keys; ideal moves: add %2%, remove %3%; the server down: %4</source>
        <translation>Ключей: %1; идеальные перемещения: добавление %2%, удаление %3%; отключаемый сервер: %4</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="451"/>
        <source>ideal</source>
        <translation>идеал</translation>
    </message>
    <message>
        <location filename="../../ui/panels/comparisonpanel.cpp" line="462"/>
        <source> (%)</source>
        <translation> (%)</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::ConnectDialog</name>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="32"/>
        <source>Connect</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="39"/>
        <source>memcached servers</source>
        <translation>серверы memcached</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="40"/>
        <source>none: the client shards</source>
        <translation>нет: шардирует клиент</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="41"/>
        <source>twemproxy (nutcracker): server-side sharding</source>
        <translation>twemproxy (nutcracker): шардирование на стороне сервера</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="42"/>
        <source>nginx, round-robin</source>
        <translation>nginx, по кругу (round-robin)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="43"/>
        <source>nginx, least_conn</source>
        <translation>nginx, least_conn</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="44"/>
        <source>nginx, hash $key consistent</source>
        <translation>nginx, hash $key consistent</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="45"/>
        <source>in front</source>
        <translation>перед кластером</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="46"/>
        <source>Real memcached processes on 127.0.0.1 (UDP off), started and stopped by RingScope. Kill, hang and restart act on them for real.</source>
        <translation>Настоящие процессы memcached на 127.0.0.1 (UDP выключен), которые RingScope сам запускает и останавливает. Убийство, заморозка и перезапуск действуют на них по-настоящему.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="51"/>
        <source>Local demo</source>
        <translation>Демонстрационный кластер</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="56"/>
        <source>servers</source>
        <translation>серверы</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="57"/>
        <source>Server list</source>
        <translation>Список серверов</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="62"/>
        <source>nutcracker.yml#pool, mcrouter.json#pool, or a list with one server per line</source>
        <translation>nutcracker.yml#pool, mcrouter.json#pool или список по одному серверу в строке</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="63"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="66"/>
        <source>config file</source>
        <translation>файл конфигурации</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="68"/>
        <source>Cluster configuration</source>
        <translation>Конфигурация кластера</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="69"/>
        <source>Configurations (*.yml *.yaml *.json *.txt *.conf);;All files (*)</source>
        <translation>Конфигурации (*.yml *.yaml *.json *.txt *.conf);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="73"/>
        <source>Config file</source>
        <translation>Файл конфигурации</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="78"/>
        <source>configuration endpoint</source>
        <translation>конечная точка конфигурации</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="79"/>
        <source>Asks the endpoint for its nodes (config get cluster); reads only.</source>
        <translation>Запрашивает у конечной точки список узлов (config get cluster); только чтение.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="82"/>
        <source>ElastiCache</source>
        <translation>ElastiCache</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="84"/>
        <source>(the config&apos;s own, or libmemcached-ketama-weighted)</source>
        <translation>(из конфигурации или libmemcached-ketama-weighted)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="87"/>
        <source>(the preset&apos;s)</source>
        <translation>(из пресета)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="91"/>
        <source>preset</source>
        <translation>пресет</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="92"/>
        <source>hash</source>
        <translation>хеш</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="98"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="140"/>
        <source>preset %1 fixes its own hash: leave the hash at &quot;(the preset&apos;s)&quot;</source>
        <translation>пресет %1 задаёт собственный хеш: оставьте для хеша значение «(из пресета)»</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="152"/>
        <source>config file: give the path of a twemproxy .yml, an mcrouter .json or a server list</source>
        <translation>файл конфигурации: укажите путь к .yml twemproxy, .json mcrouter или списку серверов</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="153"/>
        <source>servers: give at least one host:port</source>
        <translation>серверы: укажите хотя бы один host:port</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="157"/>
        <source>config file: </source>
        <translation>файл конфигурации: </translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="157"/>
        <source>servers: </source>
        <translation>серверы: </translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="169"/>
        <source>configuration endpoint: give host:port</source>
        <translation>конечная точка конфигурации: укажите host:port</translation>
    </message>
    <message>
        <location filename="../../ui/panels/connectdialog.cpp" line="172"/>
        <source>configuration endpoint: </source>
        <translation>конечная точка конфигурации: </translation>
    </message>
</context>
<context>
    <name>ringscope::ui::DemoCluster</name>
    <message>
        <location filename="../../ui/bridge/democluster.cpp" line="61"/>
        <source>unknown proxy &apos;%1&apos;</source>
        <translation>неизвестный прокси «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/democluster.cpp" line="117"/>
        <source>add server: %1</source>
        <translation>добавление сервера: %1</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/democluster.cpp" line="127"/>
        <source>; the proxy was restarted with it in its pool</source>
        <translation>; прокси перезапущен с ним в пуле</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/democluster.cpp" line="128"/>
        <source>; the proxy could not take it into its pool: %1</source>
        <translation>; прокси не смог включить его в пул: %1</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/democluster.cpp" line="135"/>
        <source>%1 started (a new memcached process)%2</source>
        <translation>%1 запущен (новый процесс memcached)%2</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/democluster.cpp" line="146"/>
        <source>%1 is not a server of the local demo cluster: nothing done</source>
        <translation>%1 не является сервером локального демонстрационного кластера: ничего не сделано</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/democluster.cpp" line="156"/>
        <source>killed (SIGKILL)</source>
        <translation>убит (SIGKILL)</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/democluster.cpp" line="160"/>
        <source>hung (SIGSTOP)</source>
        <translation>заморожен (SIGSTOP)</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/democluster.cpp" line="164"/>
        <source>resumed (SIGCONT)</source>
        <translation>возобновлён (SIGCONT)</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/democluster.cpp" line="168"/>
        <source>restarted, empty</source>
        <translation>перезапущен, пустой</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/democluster.cpp" line="172"/>
        <source>stopped cleanly and removed</source>
        <translation>штатно остановлен и удалён</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/democluster.cpp" line="177"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::KeyInspector</name>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="24"/>
        <source>Type a key, e.g. user:42</source>
        <translation>Введите ключ, например user:42</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="29"/>
        <source>Preset</source>
        <translation>Пресет</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="29"/>
        <source>Hash</source>
        <translation>Хеш</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="29"/>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="29"/>
        <source>Owner down</source>
        <translation>Владелец недоступен</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="73"/>
        <source>No server holds it right now (asked with mg, no LRU bump).</source>
        <translation>Сейчас этот ключ не хранится ни на одном сервере (запрос mg, без обновления LRU).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="74"/>
        <source>Held right now (mg, no LRU bump):&lt;br&gt;</source>
        <translation>Сейчас хранится (mg, без обновления LRU):&lt;br&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="107"/>
        <source>Owner under every preset, for the servers on the ring.</source>
        <translation>Владелец при каждом пресете для серверов на кольце.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="122"/>
        <source>any (random per request)</source>
        <translation>любой (случайный при каждом запросе)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="136"/>
        <source>replicas (R=%1): %2</source>
        <translation>реплики (R=%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="137"/>
        <source>no replicas (R=1); where it goes with a server down is the last column (the real client&apos;s rule)</source>
        <translation>реплик нет (R=1); куда он уйдёт при недоступном сервере — в последнем столбце (правило настоящего клиента)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="161"/>
        <source>fails</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="163"/>
        <source>%1 down: %2 (%3)</source>
        <translation>%1 недоступен: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="174"/>
        <source>With %1 down</source>
        <translation>Если %1 недоступен</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="175"/>
        <source>Its owner down</source>
        <translation>Если владелец недоступен</translation>
    </message>
    <message>
        <location filename="../../ui/panels/keyinspector.cpp" line="138"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: position %2 on the ring → &lt;b&gt;%3&lt;/b&gt;; %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: позиция %2 на кольце → &lt;b&gt;%3&lt;/b&gt;; %4</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::LessonPanel</name>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="72"/>
        <source>◀ Back</source>
        <translation>◀ Назад</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="73"/>
        <source>Next ▶</source>
        <translation>Далее ▶</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="74"/>
        <source>Again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="75"/>
        <source>Simple numbers (0–100)</source>
        <translation>Упрощённая шкала (0–100)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="95"/>
        <source>The textbook picture: the hash space as 0–100, keys key1…key6 and servers A, B, C…</source>
        <translation>Картинка как в учебнике: пространство хешей от 0 до 100, ключи key1…key6 и серверы A, B, C…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="116"/>
        <source>%1 (cannot read: %2)</source>
        <translation>%1 (не удалось прочитать: %2)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="184"/>
        <source>This step is still waiting for %1: open another lesson when it is done.</source>
        <translation>Этот шаг ещё ждёт: %1. Откройте другой урок, когда он закончится.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="212"/>
        <source>cannot read %1: %2</source>
        <translation>не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="214"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="232"/>
        <source>%1 — step %2 of %3</source>
        <translation>%1 — шаг %2 из %3</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="233"/>
        <source>Pick a lesson above.</source>
        <translation>Выберите урок в списке выше.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="259"/>
        <source>working on the cluster…</source>
        <translation>выполнение действий на кластере…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="280"/>
        <source>gave up waiting for %1</source>
        <translation>не удалось дождаться: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="281"/>
        <source>waiting for %1…</source>
        <translation>ожидание: %1…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="309"/>
        <source>watching the cluster…</source>
        <translation>наблюдение за кластером…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="322"/>
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="349"/>
        <source>the demo cluster to start</source>
        <translation>запуск демонстрационного кластера</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="365"/>
        <source>the new server</source>
        <translation>появление нового сервера</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="372"/>
        <source>the server to go</source>
        <translation>удаление сервера</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="379"/>
        <source>%1 needs the local demo cluster</source>
        <translation>%1: нужен локальный демонстрационный кластер</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="381"/>
        <source>%1: no server %2</source>
        <translation>%1: нет сервера %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="385"/>
        <source>the server to die</source>
        <translation>отказ сервера</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="385"/>
        <source>the server to come back</source>
        <translation>возвращение сервера</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="400"/>
        <source>replication: unknown mode, policy or onFailure in the lesson</source>
        <translation>replication: в уроке неизвестное значение mode, policy или onFailure</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="416"/>
        <source>%1 s of traffic</source>
        <translation>%1 с трафика</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="434"/>
        <source>show: unknown view &quot;%1&quot;</source>
        <translation>show: неизвестное представление «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="436"/>
        <source>unknown action &quot;%1&quot;</source>
        <translation>неизвестное действие «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="460"/>
        <source>%1 of the keys moved (the lesson expects %2)</source>
        <translation>перемещено %1 ключей (урок ожидает %2)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="466"/>
        <source>the busiest server holds %1× its fair share (the lesson expects %2)</source>
        <translation>самый загруженный сервер хранит %1× своей справедливой доли (урок ожидает %2)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="476"/>
        <source>server %1 holds %2 of the keys (the lesson expects %3)</source>
        <translation>сервер %1 хранит %2 ключей (урок ожидает %3)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="480"/>
        <source>our hit ratio is %1 (the lesson expects %2)</source>
        <translation>доля попаданий нашего трафика: %1 (урок ожидает %2)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="480"/>
        <source>unknown</source>
        <translation>неизвестна</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="483"/>
        <source>%1 reads/s found no server (the lesson expects %2)</source>
        <translation>%1 чтений/с не нашли сервера (урок ожидает %2)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="494"/>
        <source>%1 of %2 servers get our requests</source>
        <translation>наши запросы получают серверов: %1 из %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="495"/>
        <source>%1 of %2 servers answer gets (their stats)</source>
        <translation>на get отвечают серверов: %1 из %2 (по их stats)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="505"/>
        <source>the servers hold %1 keys, %2 of them not where %3 places them</source>
        <translation>серверы хранят ключей: %1, из них %2 — не там, где их размещает %3</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="506"/>
        <source>waiting for the servers&apos; keys (metadump)</source>
        <translation>ожидание ключей серверов (metadump)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/lessonpanel.cpp" line="508"/>
        <source>cannot check &quot;%1&quot; here</source>
        <translation>проверку «%1» здесь выполнить нельзя</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="39"/>
        <location filename="../../ui/mainwindow.cpp" line="283"/>
        <source>RingScope</source>
        <translation>RingScope</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="44"/>
        <source>Ring</source>
        <translation>Кольцо</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="215"/>
        <source>Write to this cluster?</source>
        <translation>Писать в этот кластер?</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="216"/>
        <source>%1 is not on this machine. With writing on, RingScope&apos;s traffic generator and sample keys write to it (set, and add for read-repair). Switch writing on?</source>
        <translation>%1 находится не на этой машине. При включённой записи генератор трафика RingScope и тестовые ключи пишут в него (set, а также add для восстановления при чтении). Включить запись?</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="49"/>
        <source>&amp;Cluster</source>
        <translation>&amp;Кластер</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="50"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Подключиться…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="52"/>
        <source>Recent clusters</source>
        <translation>Недавние кластеры</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="55"/>
        <source>&amp;Writing allowed</source>
        <translation>&amp;Запись разрешена</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="57"/>
        <source>Let RingScope write (sample keys, traffic, read-repair) to this cluster</source>
        <translation>Разрешить RingScope писать в этот кластер (тестовые ключи, трафик, восстановление при чтении)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="59"/>
        <source>What-if: &amp;fail the selected server</source>
        <translation>«Что если»: &amp;отказ выбранного сервера</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="62"/>
        <source>What-if</source>
        <translation>«Что если»</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="70"/>
        <source>&amp;Record session…</source>
        <translation>Записать &amp;сеанс…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="72"/>
        <source>Save topology changes, health, stats and traffic to a file, to play without servers</source>
        <translation>Сохранять в файл изменения топологии, состояние серверов, статистику и трафик, чтобы воспроизвести их без серверов</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="76"/>
        <location filename="../../ui/mainwindowbuild.cpp" line="85"/>
        <source>Record the session</source>
        <translation>Запись сеанса</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="78"/>
        <source>RingScope session (*.jsonl)</source>
        <translation>Сеанс RingScope (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="88"/>
        <source>&amp;Play a recorded session…</source>
        <translation>Восп&amp;роизвести записанный сеанс…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="89"/>
        <location filename="../../ui/mainwindowbuild.cpp" line="93"/>
        <source>Play a session</source>
        <translation>Воспроизведение сеанса</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="90"/>
        <source>RingScope session (*.jsonl);;All files (*)</source>
        <translation>Сеанс RingScope (*.jsonl);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="96"/>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="104"/>
        <source>Ring as &amp;PNG…</source>
        <translation>Кольцо в &amp;PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="105"/>
        <location filename="../../ui/mainwindowbuild.cpp" line="108"/>
        <source>Export the ring</source>
        <translation>Экспорт кольца</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="105"/>
        <location filename="../../ui/mainwindowbuild.cpp" line="111"/>
        <source>PNG image (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="107"/>
        <source>Ring as &amp;SVG…</source>
        <translation>Кольцо в &amp;SVG…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="108"/>
        <source>SVG image (*.svg)</source>
        <translation>Изображение SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="111"/>
        <location filename="../../ui/mainwindowbuild.cpp" line="114"/>
        <source>Export the plot</source>
        <translation>Экспорт графика</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="114"/>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="118"/>
        <location filename="../../ui/mainwindowbuild.cpp" line="121"/>
        <location filename="../../ui/mainwindowbuild.cpp" line="124"/>
        <source>CSV table (*.csv)</source>
        <translation>Таблица CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="117"/>
        <source>Servers as &amp;CSV…</source>
        <translation>Серверы в &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="65"/>
        <source>&amp;Audit now</source>
        <translation>&amp;Аудит сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="67"/>
        <source>Ask every server which keys it holds (metadump, read-only) and count those the preset places elsewhere (A)</source>
        <translation>Спросить у каждого сервера, какие ключи он хранит (metadump, только чтение), и сосчитать те, что пресет размещает на другом сервере (A)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="110"/>
        <source>Current plot as P&amp;NG…</source>
        <translation>Текущий график в P&amp;NG…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="113"/>
        <source>Current plot as P&amp;DF…</source>
        <translation>Текущий график в P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="118"/>
        <source>Export the servers</source>
        <translation>Экспорт серверов</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="120"/>
        <source>&amp;Keys as CSV…</source>
        <translation>&amp;Ключи в CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="121"/>
        <source>Export the keys</source>
        <translation>Экспорт ключей</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="123"/>
        <source>C&amp;omparison as CSV…</source>
        <translation>Ср&amp;авнение в CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="124"/>
        <source>Export the comparison</source>
        <translation>Экспорт сравнения</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="127"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="133"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="134"/>
        <source>&amp;Dark theme</source>
        <translation>&amp;Тёмная тема</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="137"/>
        <source>Show &amp;replicas</source>
        <translation>Показывать &amp;реплики</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="140"/>
        <source>With a server picked out and R &gt; 1, the keys it keeps as a replica get a halo (P)</source>
        <translation>Когда выбран сервер и R &gt; 1, ключи, которые он хранит как реплику, выделяются ореолом (P)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="142"/>
        <source>&amp;Presentation mode</source>
        <translation>Режим &amp;презентации</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="145"/>
        <source>Full screen, large type, high contrast: the ring and one plot (Esc leaves)</source>
        <translation>Во весь экран, крупный шрифт, высокий контраст: кольцо и один график (Esc — выход)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="148"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="151"/>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="164"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="165"/>
        <source>RingScope will follow the system&apos;s language from its next start. Restart now? (A demo cluster is started anew.)</source>
        <translation>При следующем запуске RingScope будет говорить на языке системы. Перезапустить сейчас? (Демонстрационный кластер будет запущен заново.)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="166"/>
        <source>RingScope will speak %1 from its next start. Restart now? (A demo cluster is started anew.)</source>
        <translation>Язык интерфейса сменится на «%1» при следующем запуске RingScope. Перезапустить сейчас? (Демонстрационный кластер будет запущен заново.)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="176"/>
        <source>&amp;Lessons</source>
        <translation>&amp;Уроки</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="181"/>
        <source>Your own lessons go in %1</source>
        <translation>Собственные уроки помещайте в %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="185"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="186"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="187"/>
        <source>&amp;About RingScope</source>
        <translation>&amp;О программе RingScope</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="189"/>
        <source>About RingScope</source>
        <translation>О программе RingScope</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="190"/>
        <source>&lt;h3&gt;RingScope %1&lt;/h3&gt;&lt;p&gt;The consistent-hash ring of memcached clusters: which server owns which key, placed exactly as libmemcached, twemproxy, python-memcached, pymemcache, spymemcached, nginx, mcrouter and memcached&apos;s proxy place it; live stats, failover and replication on real servers.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later. Plots by QCustomPlot (GPL-3.0); Qt %2; asio.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RingScope %1&lt;/h3&gt;&lt;p&gt;Кольцо консистентного хеширования кластеров memcached: какой сервер владеет каким ключом, причём ключи размещаются точно так же, как их размещают libmemcached, twemproxy, python-memcached, pymemcache, spymemcached, nginx, mcrouter и прокси самого memcached; живая статистика, переключение при отказе и репликация на настоящих серверах.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later. Графики — QCustomPlot (GPL-3.0); Qt %2; asio.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="198"/>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="221"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="223"/>
        <source>In a lesson, Right or Page Down is Next and Left or Page Up is Back (a clicker).</source>
        <translation>В уроке стрелка вправо или Page Down — «Далее», стрелка влево или Page Up — «Назад» (для пульта презентаций).</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="241"/>
        <source>This is a real cluster of %1 memcached processes that RingScope started for you: pick a server (click its arc or its row) and press K to kill it, T to restart it; Ctrl++ adds one. Help ▸ Keyboard shortcuts lists the rest.</source>
        <translation>Это настоящий кластер из %1 процессов memcached, запущенных RingScope для вас: выберите сервер (щелчком по его дуге или строке) и нажмите K, чтобы убить его, T — чтобы перезапустить; Ctrl++ добавляет сервер. Остальные клавиши — в «Справка ▸ Сочетания клавиш».</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="272"/>
        <source>Open cluster</source>
        <translation>Открытие кластера</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="320"/>
        <source>Kill</source>
        <translation>Убить</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="320"/>
        <source>SIGKILL the selected demo server: a crash (K)</source>
        <translation>Послать SIGKILL выбранному демонстрационному серверу: аварийное завершение (K)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="321"/>
        <source>Hang</source>
        <translation>Заморозить</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="321"/>
        <source>SIGSTOP the selected demo server: it stops answering (H)</source>
        <translation>Послать SIGSTOP выбранному демонстрационному серверу: он перестаёт отвечать (H)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="323"/>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="323"/>
        <source>SIGCONT the selected demo server (U)</source>
        <translation>Послать SIGCONT выбранному демонстрационному серверу (U)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="324"/>
        <source>Restart</source>
        <translation>Перезапустить</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="324"/>
        <source>Start the selected demo server again, empty (T)</source>
        <translation>Снова запустить выбранный демонстрационный сервер, пустым (T)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="332"/>
        <source>Demo cluster</source>
        <translation>Демонстрационный кластер</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="332"/>
        <source>Select a server first (click its arc or its row).</source>
        <translation>Сначала выберите сервер (щёлкните его дугу или строку).</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="283"/>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="291"/>
        <source>Add server</source>
        <translation>Добавить сервер</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="293"/>
        <source>Demo cluster: start one more memcached. Elsewhere: what-if (Ctrl++)</source>
        <translation>Демонстрационный кластер: запустить ещё один memcached. В остальных случаях: «что если» (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="294"/>
        <location filename="../../ui/mainwindowbuild.cpp" line="295"/>
        <source>Remove server</source>
        <translation>Удалить сервер</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="298"/>
        <source>Demo cluster: stop the selected memcached cleanly. Elsewhere: what-if (Del)</source>
        <translation>Демонстрационный кластер: штатно остановить выбранный memcached. В остальных случаях: «что если» (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="299"/>
        <source>What-if fail</source>
        <translation>«Что если»: отказ</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="300"/>
        <source>Draw the selected server failed and ejected, without touching it (F)</source>
        <translation>Показать выбранный сервер отказавшим и исключённым, не трогая его (F)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="301"/>
        <source>Replay</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="303"/>
        <source>Replay the last change (R)</source>
        <translation>Повторить анимацию последнего изменения (R)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="306"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="308"/>
        <source>Animation speed</source>
        <translation>Скорость анимации</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="346"/>
        <source>Servers</source>
        <translation>Серверы</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="362"/>
        <source>Key inspector</source>
        <translation>Инспектор ключей</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="368"/>
        <source>Plots</source>
        <translation>Графики</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="46"/>
        <source>Compare methods</source>
        <translation>Сравнение методов</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="374"/>
        <source>Lessons</source>
        <translation>Уроки</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="382"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowview.cpp" line="109"/>
        <source>nothing to export: no keys yet</source>
        <translation>экспортировать нечего: ключей пока нет</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowview.cpp" line="115"/>
        <source>nothing to export: measure the comparison first (the Compare methods tab)</source>
        <translation>экспортировать нечего: сначала выполните измерение на вкладке «Сравнение методов»</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowview.cpp" line="130"/>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 уже существует.
Заменить его?</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowview.cpp" line="139"/>
        <source>exported %1</source>
        <translation>экспортировано: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowview.cpp" line="179"/>
        <source>presentation mode: Esc or F11 leaves it</source>
        <translation>режим презентации: выход — Esc или F11</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="239"/>
        <source>playing a recorded session: no server is contacted</source>
        <translation>воспроизведение записанного сеанса: серверы не опрашиваются</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="242"/>
        <source>local demo cluster (real memcached on 127.0.0.1, started by RingScope)</source>
        <translation>локальный демонстрационный кластер (настоящие memcached на 127.0.0.1, запущены RingScope)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="245"/>
        <source>watching %1</source>
        <translation>наблюдение за %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="245"/>
        <source>a cluster</source>
        <translation>кластером</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="248"/>
        <source>offline: no server is contacted</source>
        <translation>офлайн: серверы не опрашиваются</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="251"/>
        <source>%1 servers · %2 (%3) · %4 sample keys · %5</source>
        <translation>серверов: %1 · %2 (%3) · тестовых ключей: %4 · %5</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="257"/>
        <source> · a server is down: %1</source>
        <translation> · сервер недоступен: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="259"/>
        <source> · audit: %1</source>
        <translation> · аудит: %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="263"/>
        <source>traffic %1 ops/s · hit %2 · p99 %3 ms</source>
        <translation>трафик %1 оп/с · попадания %2 · p99 %3 мс</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="269"/>
        <source>no traffic</source>
        <translation>нет трафика</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="273"/>
        <source> OFFLINE </source>
        <translation> ОФЛАЙН </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="276"/>
        <source> WRITING </source>
        <translation> ЗАПИСЬ </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="276"/>
        <source> READ-ONLY </source>
        <translation> ТОЛЬКО ЧТЕНИЕ </translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="280"/>
        <source>RingScope may write to this cluster (sample keys, traffic, read-repair)</source>
        <translation>RingScope может писать в этот кластер (тестовые ключи, трафик, восстановление при чтении)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="281"/>
        <source>RingScope only reads: stats, metadump, mg without LRU bump</source>
        <translation>RingScope только читает: stats, metadump, mg без обновления LRU</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::PlacementBar</name>
    <message>
        <location filename="../../ui/panels/placementbar.cpp" line="19"/>
        <source>Cluster</source>
        <translation>Кластер</translation>
    </message>
    <message>
        <location filename="../../ui/panels/placementbar.cpp" line="35"/>
        <source>host:port[:weight][ name], separated by commas; Enter applies (placement only)</source>
        <translation>host:port[:weight][ name] через запятую; Enter применяет (только размещение)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/placementbar.cpp" line="38"/>
        <source> keys</source>
        <translation> ключей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/placementbar.cpp" line="39"/>
        <source>Sample keys drawn on the ring (written to the demo cluster)</source>
        <translation>Тестовые ключи на кольце (записываются в демонстрационный кластер)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/placementbar.cpp" line="41"/>
        <source>Connect…</source>
        <translation>Подключиться…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/placementbar.cpp" line="42"/>
        <source> Preset </source>
        <translation> Пресет </translation>
    </message>
    <message>
        <location filename="../../ui/panels/placementbar.cpp" line="44"/>
        <source> Hash </source>
        <translation> Хеш </translation>
    </message>
    <message>
        <location filename="../../ui/panels/placementbar.cpp" line="46"/>
        <source> Servers </source>
        <translation> Серверы </translation>
    </message>
    <message>
        <location filename="../../ui/panels/placementbar.cpp" line="67"/>
        <location filename="../../ui/panels/placementbar.cpp" line="71"/>
        <source>Servers</source>
        <translation>Серверы</translation>
    </message>
    <message>
        <location filename="../../ui/panels/placementbar.cpp" line="70"/>
        <source>servers set to %1</source>
        <translation>заданы серверы %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/placementbar.cpp" line="75"/>
        <source>Sample keys</source>
        <translation>Тестовые ключи</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::PlotsPanel</name>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="47"/>
        <source>Gets/s</source>
        <translation>Get/с</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="47"/>
        <source>Hit ratio</source>
        <translation>Доля попаданий</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="47"/>
        <source>Keys per server</source>
        <translation>Ключи по серверам</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="47"/>
        <source>Last change</source>
        <translation>Последнее изменение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="48"/>
        <source>Latency</source>
        <translation>Задержка</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="71"/>
        <source>gets/s (stats)</source>
        <translation>get/с (stats)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="72"/>
        <source>ms</source>
        <translation>мс</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="79"/>
        <source>hit ratio</source>
        <translation>доля попаданий</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="81"/>
        <source>unavailable/s</source>
        <translation>недоступно/с</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="83"/>
        <source>servers (stats)</source>
        <translation>серверы (stats)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="86"/>
        <source>our traffic</source>
        <translation>наш трафик</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="89"/>
        <source>unavailable/s (our traffic)</source>
        <translation>недоступно/с (наш трафик)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="95"/>
        <source>our traffic p50</source>
        <translation>наш трафик p50</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="98"/>
        <source>our traffic p99</source>
        <translation>наш трафик p99</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="102"/>
        <source>share of keys, %</source>
        <translation>доля ключей, %</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="106"/>
        <source>owned</source>
        <translation>во владении</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="111"/>
        <source>ideal (weights)</source>
        <translation>идеал (по весам)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="117"/>
        <source>keys</source>
        <translation>ключи</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="121"/>
        <source>moved in</source>
        <translation>пришло</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="125"/>
        <source>moved out</source>
        <translation>ушло</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="197"/>
        <source> (gone)</source>
        <translation> (удалён)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="215"/>
        <source>%1 keys moved in the last change</source>
        <translation>ключей перемещено при последнем изменении: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="402"/>
        <source>%1: export a plot as .png or .pdf</source>
        <translation>%1: график можно экспортировать только в .png или .pdf</translation>
    </message>
    <message>
        <location filename="../../ui/panels/plotspanel.cpp" line="403"/>
        <source>cannot write %1</source>
        <translation>не удалось записать %1</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::RingView</name>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="231"/>
        <source>nothing to export: no ring yet</source>
        <translation>экспортировать нечего: кольца пока нет</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="245"/>
        <location filename="../../ui/views/ringview.cpp" line="255"/>
        <location filename="../../ui/views/ringview.cpp" line="261"/>
        <source>cannot write %1</source>
        <translation>не удалось записать %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="234"/>
        <source>%1: export the ring as .png or .svg</source>
        <translation>%1: кольцо можно экспортировать только в .png или .svg</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="251"/>
        <source>RingScope: %1</source>
        <translation>RingScope: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="252"/>
        <source>%1 servers, %2 keys</source>
        <translation>серверов: %1, ключей: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="328"/>
        <source>&lt;br&gt;replicas %1</source>
        <translation>&lt;br&gt;реплики %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/ringview.cpp" line="331"/>
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
<context>
    <name>ringscope::ui::SessionPlayer</name>
    <message>
        <location filename="../../ui/session/sessionplayer.cpp" line="34"/>
        <source>playing %1 (%2 records, %3×): no server is contacted</source>
        <translation>воспроизведение %1 (записей: %2, %3×): серверы не опрашиваются</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::SessionRecorder</name>
    <message>
        <location filename="../../ui/session/sessionrecorder.cpp" line="36"/>
        <source>a session is playing: record a live cluster, not a replay</source>
        <translation>идёт воспроизведение сеанса: записывать можно только живой кластер, а не воспроизведение</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionrecorder.cpp" line="41"/>
        <source>recording starts</source>
        <translation>начало записи</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionrecorder.cpp" line="44"/>
        <source>recording the session to %1</source>
        <translation>запись сеанса в %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionrecorder.cpp" line="56"/>
        <source>recorded %1 records to %2</source>
        <translation>в %2 сохранено записей: %1</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::SimpleNumbersView</name>
    <message>
        <location filename="../../ui/views/simplenumbersview.cpp" line="173"/>
        <source>key</source>
        <translation>ключ</translation>
    </message>
    <message>
        <location filename="../../ui/views/simplenumbersview.cpp" line="174"/>
        <source>hash (0–100)</source>
        <translation>хеш (0–100)</translation>
    </message>
    <message>
        <location filename="../../ui/views/simplenumbersview.cpp" line="174"/>
        <source>hash</source>
        <translation>хеш</translation>
    </message>
    <message>
        <location filename="../../ui/views/simplenumbersview.cpp" line="175"/>
        <source>server</source>
        <translation>сервер</translation>
    </message>
    <message>
        <location filename="../../ui/views/simplenumbersview.cpp" line="186"/>
        <source>%1 server points on the ring. A key belongs to the first point clockwise from its hash.</source>
        <translation>Точек серверов на кольце: %1. Ключ принадлежит первой точке сервера по часовой стрелке от его хеша.</translation>
    </message>
    <message>
        <location filename="../../ui/views/simplenumbersview.cpp" line="188"/>
        <source>No ring: the server is computed from the hash itself, e.g. hash mod %1 for modulo over %1 servers.</source>
        <translation>Кольца нет: сервер вычисляется прямо из хеша, например hash mod %1 у пресета modulo с %1 серверами.</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::TrafficBar</name>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="14"/>
        <source>Traffic and replication</source>
        <translation>Трафик и репликация</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="29"/>
        <source>Replication of our traffic: none, master-slave, ring (owner + next R-1), multi-master (write quorum W)</source>
        <translation>Репликация нашего трафика: none (нет), master-slave, ring (владелец + следующие R-1), multi-master (кворум записи W)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="32"/>
        <source>R=</source>
        <translation>R=</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="33"/>
        <source>W=all</source>
        <translation>W=все</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="34"/>
        <source>W=majority</source>
        <translation>W=большинство</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="35"/>
        <source>W=1</source>
        <translation>W=1</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="39"/>
        <source>Which replica a read goes to first</source>
        <translation>К какой реплике чтение обращается в первую очередь</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="42"/>
        <source>Without replication, the keys of a server that is down: miss, or go to the next server on the ring (auto-eject)</source>
        <translation>Без репликации ключи недоступного сервера либо дают промах (miss), либо переходят к следующему серверу на кольце (auto-eject)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="44"/>
        <location filename="../../ui/panels/trafficbar.cpp" line="71"/>
        <source>Traffic</source>
        <translation>Трафик</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="46"/>
        <source>RingScope&apos;s traffic generator: Zipf keys, 90% gets, cache-aside fill (writes)</source>
        <translation>Генератор трафика RingScope: ключи по закону Ципфа, 90% get, заполнение cache-aside (записи)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="49"/>
        <source> ops/s</source>
        <translation> оп/с</translation>
    </message>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="51"/>
        <source> Replication </source>
        <translation> Репликация </translation>
    </message>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="55"/>
        <source> Reads </source>
        <translation> Чтение </translation>
    </message>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="57"/>
        <source> On failure </source>
        <translation> При отказе </translation>
    </message>
    <message>
        <location filename="../../ui/panels/trafficbar.cpp" line="71"/>
        <source>The traffic generator writes (cache-aside fill). Switch writing on first (Cluster ▸ Writing allowed); the demo cluster allows it.</source>
        <translation>Генератор трафика пишет в кластер (заполнение cache-aside). Сначала включите запись (Кластер ▸ Запись разрешена); демонстрационный кластер это разрешает.</translation>
    </message>
</context>
<context>
    <name>ringscope::ui::TrafficRunner</name>
    <message>
        <location filename="../../ui/bridge/trafficrunner.cpp" line="171"/>
        <source>traffic writes to the cluster: switch writing on first</source>
        <translation>трафик пишет в кластер: сначала включите запись</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/trafficrunner.cpp" line="173"/>
        <source>no servers</source>
        <translation>нет серверов</translation>
    </message>
    <message>
        <location filename="../../ui/bridge/trafficrunner.cpp" line="183"/>
        <source>preset %1 has no owner per key: pick another for traffic</source>
        <translation>в пресете %1 у ключа нет единственного владельца: выберите для трафика другой пресет</translation>
    </message>
</context>
</TS>
