#include "ui/panels/lessonpanel.h"

#include "ui/session/clustersession.h"
#include "ui/models/ringscene.h"
#include "ui/views/simplenumbersview.h"

#include "core/live/replication.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace ringscope::ui {
namespace {

constexpr qint64 kActionTimeoutMs = 60000; // a demo start or a kill taking longer is a failure

struct Range {
    double low = 0, high = 0;
    bool valid = false;
    bool contains(double v) const { return v >= low && v <= high; }
};

Range rangeOf(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    if (a.size() != 2 || !a[0].isDouble() || !a[1].isDouble())
        return {};
    return {a[0].toDouble(), a[1].toDouble(), true};
}

QString percent(double v)
{
    return QString::number(100 * v, 'f', 1) + QLatin1Char('%');
}

QString rangeText(const Range &r, bool asPercent)
{
    return asPercent ? QStringLiteral("%1–%2").arg(percent(r.low), percent(r.high))
                     : QStringLiteral("%1–%2").arg(r.low).arg(r.high);
}

} // namespace

QStringList LessonPanel::knownViews()
{
    return {QStringLiteral("ring"),      QStringLiteral("compare"),         QStringLiteral("plot:gets"),
            QStringLiteral("plot:hit-ratio"), QStringLiteral("plot:keys"), QStringLiteral("plot:last-change"),
            QStringLiteral("plot:latency")};
}

LessonPanel::LessonPanel(ClusterSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_language(QLocale().name().left(2))
    , m_lessons(new QComboBox(this))
    , m_title(new QLabel(this))
    , m_text(new QTextBrowser(this))
    , m_status(new QLabel(this))
    , m_back(new QPushButton(tr("◀ Back"), this))
    , m_next(new QPushButton(tr("Next ▶"), this))
    , m_again(new QPushButton(tr("Again"), this))
    , m_simpleBox(new QCheckBox(tr("Simple numbers (0–100)"), this))
    , m_simple(new SimpleNumbersView(this))
    , m_wake(new QTimer(this))
    , m_soon(new QTimer(this))
{
    m_lessons->setObjectName(QStringLiteral("lessonChooser"));
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_title->setFont(big);
    m_text->setOpenExternalLinks(false);
    m_text->setMinimumHeight(120);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("lessonStatus"));
    m_back->setObjectName(QStringLiteral("lessonBack"));
    m_next->setObjectName(QStringLiteral("lessonNext"));
    m_again->setObjectName(QStringLiteral("lessonAgain"));
    m_status->setTextFormat(Qt::PlainText);
    m_simple->setVisible(false);
    m_simpleBox->setToolTip(tr("The textbook picture: the hash space as 0–100, keys key1…key6 and servers A, B, C…"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_again);
    buttons->addStretch();
    buttons->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_lessons);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    layout->addWidget(m_simpleBox);
    layout->addWidget(m_simple, 3);

    for (const QString &file : lessonFiles()) {
        QFile f(file);
        QString error;
        const auto lesson = f.open(QIODevice::ReadOnly) ? Lesson::parse(f.readAll(), m_language, error) : std::nullopt;
        m_lessons->addItem(lesson ? lesson->title : tr("%1 (cannot read: %2)").arg(QFileInfo(file).fileName(), error), file);
        m_files << file;
        m_titles << (lesson ? lesson->title : QString());
    }
    m_wake->setSingleShot(true);
    connect(m_wake, &QTimer::timeout, this, &LessonPanel::tick);
    m_soon->setSingleShot(true);
    m_soon->setInterval(0);
    connect(m_soon, &QTimer::timeout, this, &LessonPanel::tick);
    // A step waits for the cluster, or checks it, as the session changes.
    connect(&session, &ClusterSession::sceneChanged, this, &LessonPanel::tickSoon);
    connect(&session, &ClusterSession::liveChanged, this, &LessonPanel::tickSoon);
    connect(&session, &ClusterSession::statsPolled, this, &LessonPanel::tickSoon);
    connect(&session, &ClusterSession::trafficSampled, this, &LessonPanel::tickSoon);
    connect(&session, &ClusterSession::modeChanged, this, &LessonPanel::tickSoon);
    connect(m_lessons, &QComboBox::activated, this, [this](int index) { openLesson(index); });
    connect(m_back, &QPushButton::clicked, this, [this] { goToStep(m_step - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { goToStep(m_step + 1); });
    // A presenter's clicker sends Right / PageDown (and Left / PageUp): Next
    // and Back answer to them anywhere in the window while the lesson is on
    // show (a text field keeps its own arrow keys).
    const auto clicker = [this](QKeySequence key, QPushButton *button) {
        auto *s = new QShortcut(key, this, [button] {
            if (button->isEnabled() && button->isVisible())
                button->click();
        });
        s->setContext(Qt::WindowShortcut);
    };
    for (const auto key : {Qt::Key_Right, Qt::Key_PageDown})
        clicker(QKeySequence(key), m_next);
    for (const auto key : {Qt::Key_Left, Qt::Key_PageUp})
        clicker(QKeySequence(key), m_back);
    connect(m_again, &QPushButton::clicked, this, [this] { goToStep(m_step); });
    connect(m_simpleBox, &QCheckBox::toggled, this, [this](bool on) {
        m_simple->setVisible(on);
        refreshSimple();
    });
    // The simple picture follows the session's topology.
    connect(&session, &ClusterSession::sceneChanged, this, [this] {
        if (isVisible())
            refreshSimple();
    });
    present();
}

QStringList LessonPanel::lessonFiles() const
{
    QStringList files;
    const QStringList dirs{QStringLiteral(":/lessons"),
                           QString(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/lessons"))};
    for (const QString &dir : dirs) {
        QStringList names = QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString &n : names)
            files << dir + QLatin1Char('/') + n;
    }
    return files;
}

int LessonPanel::lessonCount() const
{
    return static_cast<int>(m_files.size());
}

bool LessonPanel::waitingForTheCluster()
{
    // As the buttons wait (see updateButtons()), so does the Lessons menu.
    if (!m_waitFor)
        return false;
    m_status->setText(tr("This step is still waiting for %1: open another lesson when it is done.").arg(m_waitingFor));
    return true;
}

bool LessonPanel::openLesson(int index)
{
    if (index < 0 || index >= m_files.size() || waitingForTheCluster())
        return false;
    m_lessons->setCurrentIndex(index);
    QString error;
    if (!openFile(m_files[index], &error)) {
        m_status->setText(error);
        return false;
    }
    return true;
}

bool LessonPanel::openFile(const QString &path, QString *error)
{
    if (waitingForTheCluster()) {
        if (error)
            *error = m_status->text();
        return false;
    }
    QFile f(path);
    QString why;
    std::optional<Lesson> lesson;
    if (!f.open(QIODevice::ReadOnly))
        why = tr("cannot read %1: %2").arg(path, f.errorString());
    else if (!(lesson = Lesson::parse(f.readAll(), m_language, why)))
        why = tr("%1: %2").arg(QFileInfo(path).fileName(), why);
    if (!lesson) {
        if (error)
            *error = why;
        return false;
    }
    m_lesson = std::move(*lesson);
    m_lesson.source = path;
    m_step = -1;
    m_phase = Phase::Idle;
    m_wake->stop();
    goToStep(0);
    return true;
}

void LessonPanel::present()
{
    const int n = static_cast<int>(m_lesson.steps.size());
    m_title->setText(m_lesson.title.isEmpty() ? QString() : tr("%1 — step %2 of %3").arg(m_lesson.title).arg(m_step + 1).arg(n));
    m_text->setHtml(m_step >= 0 && m_step < n ? m_lesson.steps[m_step].text : tr("Pick a lesson above."));
    updateButtons();
}

void LessonPanel::updateButtons()
{
    // While a step waits for the cluster (a server starting or going), moving
    // on would let its action land in the next step: an add counted twice.
    const bool settled = !m_waitFor;
    const int n = static_cast<int>(m_lesson.steps.size());
    m_lessons->setEnabled(settled);
    m_back->setEnabled(settled && m_step > 0);
    m_next->setEnabled(settled && m_step + 1 < n);
    m_again->setEnabled(settled && m_step >= 0);
}

void LessonPanel::goToStep(int step)
{
    if (step < 0 || step >= static_cast<int>(m_lesson.steps.size()))
        return;
    m_step = step;
    m_action = 0;
    m_waitFor = nullptr;
    m_phase = Phase::Acting;
    m_passed = false;
    m_message.clear();
    m_status->setText(tr("working on the cluster…"));
    present();
    tick();
}

void LessonPanel::tickSoon()
{
    if (m_phase != Phase::Idle && !m_soon->isActive())
        m_soon->start();
}

void LessonPanel::tick()
{
    if (m_phase == Phase::Idle)
        return;
    const Lesson::Step &step = m_lesson.steps[m_step];
    if (m_phase == Phase::Acting) {
        while (true) {
            if (m_waitFor) {
                if (!m_waitFor()) {
                    if (m_clock.elapsed() > m_deadlineMs)
                        return finish(false, tr("gave up waiting for %1").arg(m_waitingFor));
                    m_status->setText(tr("waiting for %1…").arg(m_waitingFor));
                    updateButtons();
                    // The session's signals wake it; the deadline does if none comes.
                    const qint64 wakeAt = m_wakeAtMs > 0 ? std::min(m_wakeAtMs, m_deadlineMs + 1) : m_deadlineMs + 1;
                    m_wake->start(static_cast<int>(std::max<qint64>(1, wakeAt - m_clock.elapsed())));
                    return;
                }
                m_waitFor = nullptr;
                updateButtons();
            }
            if (m_action >= step.actions.size())
                break;
            if (const QString error = act(step.actions[m_action++].toObject()); !error.isEmpty())
                return finish(false, error);
        }
        if (!step.look.isEmpty())
            act(QJsonObject{{QStringLiteral("do"), QStringLiteral("show")}, {QStringLiteral("what"), step.look}});
        refreshSimple();
        if (step.expect.isEmpty())
            return finish(true, QString());
        m_phase = Phase::Checking;
        m_clock.start();
        m_deadlineMs = static_cast<qint64>(1000 * step.expect.value(QStringLiteral("within")).toDouble(0));
    }
    QStringList lines;
    const bool passed = check(lines);
    if (passed || m_clock.elapsed() >= m_deadlineMs)
        return finish(passed, lines.join(QLatin1Char('\n')));
    m_status->setText(tr("watching the cluster…") + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
    m_wake->start(static_cast<int>(std::max<qint64>(1, m_deadlineMs - m_clock.elapsed() + 1)));
}

void LessonPanel::finish(bool passed, const QString &message)
{
    m_wake->stop();
    m_soon->stop();
    m_phase = Phase::Idle;
    m_waitFor = nullptr;
    updateButtons();
    m_passed = passed;
    m_message = message;
    m_status->setText(message.isEmpty() ? tr("Done.") : message);
    Q_EMIT stepFinished(m_step, passed, message);
}

QString LessonPanel::act(const QJsonObject &a)
{
    const QString name = a.value(QStringLiteral("do")).toString();
    const auto waitFor = [this](const QString &what, std::function<bool()> predicate, qint64 limitMs = kActionTimeoutMs) {
        m_waitingFor = what;
        m_waitFor = std::move(predicate);
        m_wakeAtMs = 0;
        m_clock.start();
        m_deadlineMs = limitMs;
    };
    const int server = a.value(QStringLiteral("server")).toInt(-1);
    const auto count = [this] { return static_cast<int>(m_session.servers().size()); };
    if (name == QLatin1String("demo")) {
        ClusterRequest request;
        request.kind = ClusterRequest::Kind::Demo;
        request.demoServers = a.value(QStringLiteral("servers")).toInt(3);
        request.proxy = a.value(QStringLiteral("proxy")).toString();
        request.preset = a.value(QStringLiteral("preset")).toString();
        // No traffic until the step says so: it would start with the last
        // lesson's replication and leave copies where this lesson has none.
        m_session.setTraffic(false, 150);
        m_session.openCluster(request);
        const int n = request.demoServers;
        waitFor(tr("the demo cluster to start"), [this, n] {
            if (!m_session.demoRunning() || static_cast<int>(m_session.servers().size()) != n
                || m_session.live().size() != static_cast<std::size_t>(n))
                return false;
            return std::all_of(m_session.live().begin(), m_session.live().end(), [](const LiveServer &s) { return s.polled; });
        });
        return {};
    }
    if (name == QLatin1String("preset"))
        return m_session.setPreset(a.value(QStringLiteral("preset")).toString(), a.value(QStringLiteral("hash")).toString());
    if (name == QLatin1String("points"))
        return m_session.setPointsPerServer(a.value(QStringLiteral("points")).toInt());
    if (name == QLatin1String("add")) {
        const int before = count();
        if (QString error = m_session.addServer(); !error.isEmpty())
            return error;
        waitFor(tr("the new server"), [count, before] { return count() == before + 1; });
        return {};
    }
    if (name == QLatin1String("remove")) {
        const int before = count();
        if (QString error = m_session.removeServer(server < 0 ? before - 1 : server); !error.isEmpty())
            return error;
        waitFor(tr("the server to go"), [count, before] { return count() == before - 1; });
        return {};
    }
    if (name == QLatin1String("weight"))
        return m_session.setWeight(server, a.value(QStringLiteral("weight")).toInt());
    if (name == QLatin1String("kill") || name == QLatin1String("restart")) {
        if (!m_session.demoRunning())
            return tr("%1 needs the local demo cluster").arg(name);
        if (server < 0 || server >= count())
            return tr("%1: no server %2").arg(name).arg(server);
        const bool kill = name == QLatin1String("kill");
        m_session.demoAction(kill ? DemoCluster::Action::Kill : DemoCluster::Action::Restart, server);
        const auto index = static_cast<std::size_t>(server);
        waitFor(kill ? tr("the server to die") : tr("the server to come back"), [this, index, kill] {
            const auto &live = m_session.live();
            if (index >= live.size())
                return false;
            const bool down = live[index].stopped || live[index].health == core::ServerState::Down;
            return kill ? down : !live[index].stopped && live[index].health == core::ServerState::Up;
        });
        return {};
    }
    if (name == QLatin1String("replication")) {
        const auto mode = core::parseMode(a.value(QStringLiteral("mode")).toString(QStringLiteral("none")).toStdString());
        const auto policy = core::parsePolicy(a.value(QStringLiteral("policy")).toString(QStringLiteral("primary")).toStdString());
        const auto failure = core::parseOnFailure(a.value(QStringLiteral("onFailure")).toString(QStringLiteral("miss")).toStdString());
        const int replicas = a.value(QStringLiteral("replicas")).toInt(1);
        if (!mode || !policy || !failure)
            return tr("replication: unknown mode, policy or onFailure in the lesson");
        ReplicationChoice choice;
        choice.mode = *mode;
        choice.replicas = replicas;
        choice.policy = *policy;
        choice.onFailure = *failure;
        choice.quorum = a.value(QStringLiteral("quorum")).toInt(0);
        return m_session.setReplication(choice);
    }
    if (name == QLatin1String("traffic")) {
        const double rate = a.value(QStringLiteral("rate")).toDouble(0);
        return m_session.setTraffic(rate > 0, rate > 0 ? rate : 150);
    }
    if (name == QLatin1String("wait")) {
        const double seconds = a.value(QStringLiteral("seconds")).toDouble(1);
        const auto ms = static_cast<qint64>(1000 * seconds);
        waitFor(tr("%1 s of traffic").arg(seconds), [this, ms] { return m_clock.elapsed() >= ms; }, ms + 5000);
        m_wakeAtMs = ms; // the wait ends on time, not on the next signal
        return {};
    }
    if (name == QLatin1String("simple")) {
        m_simpleBox->setChecked(a.value(QStringLiteral("on")).toBool(true));
        return {};
    }
    if (name == QLatin1String("highlight")) {
        m_session.setSelectedServer(server);
        return {};
    }
    if (name == QLatin1String("show")) {
        const QString what = a.value(QStringLiteral("what")).toString();
        if (knownViews().contains(what)) {
            Q_EMIT viewRequested(what);
            return {};
        }
        return tr("show: unknown view \"%1\"").arg(what);
    }
    return tr("unknown action \"%1\"").arg(name);
}

bool LessonPanel::check(QStringList &lines) const
{
    const QJsonObject &expect = m_lesson.steps[m_step].expect;
    const auto sceneHolder = m_session.scene();
    const RingScene *scene = sceneHolder.get();
    bool all = true;
    const auto report = [&](bool ok, const QString &line) {
        all = all && ok;
        lines << (ok ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + line;
    };
    std::uint64_t total = 0;
    if (scene)
        for (const auto &s : scene->servers)
            total += s.keys;
    for (auto it = expect.begin(); it != expect.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("within"))
            continue;
        const Range range = rangeOf(it.value());
        if (key == QLatin1String("moved") && scene) {
            const double f = total ? static_cast<double>(scene->moved) / static_cast<double>(total) : 0;
            report(range.contains(f), tr("%1 of the keys moved (the lesson expects %2)").arg(percent(f), rangeText(range, true)));
        } else if (key == QLatin1String("maxOverMean") && scene) {
            double worst = 0;
            for (const auto &s : scene->servers)
                if (s.idealShare > 0 && total)
                    worst = std::max(worst, static_cast<double>(s.keys) / (s.idealShare * static_cast<double>(total)));
            report(range.contains(worst), tr("the busiest server holds %1× its fair share (the lesson expects %2)")
                                              .arg(worst, 0, 'f', 2)
                                              .arg(rangeText(range, false)));
        } else if (key == QLatin1String("share") && scene) {
            const QJsonObject o = it.value().toObject();
            const auto index = static_cast<std::size_t>(o.value(QStringLiteral("server")).toInt());
            const Range r = rangeOf(o.value(QStringLiteral("range")));
            const double f = index < scene->servers.size() && total
                ? static_cast<double>(scene->servers[index].keys) / static_cast<double>(total)
                : -1;
            report(r.contains(f), tr("server %1 holds %2 of the keys (the lesson expects %3)")
                                      .arg(SimpleNumbersView::serverLetter(static_cast<int>(index)), percent(f), rangeText(r, true)));
        } else if (key == QLatin1String("hitRatio")) {
            const double h = m_session.lastTrafficSample().hitRatio;
            report(h >= 0 && range.contains(h), tr("our hit ratio is %1 (the lesson expects %2)").arg(h < 0 ? tr("unknown") : percent(h), rangeText(range, true)));
        } else if (key == QLatin1String("unavailable")) {
            const double u = m_session.lastTrafficSample().unavailablePerSecond;
            report(range.contains(u), tr("%1 reads/s found no server (the lesson expects %2)").arg(u).arg(rangeText(range, false)));
        } else if (key == QLatin1String("readsOnEveryServer") || key == QLatin1String("getsOnEveryServer")) {
            const bool ours = key == QLatin1String("readsOnEveryServer");
            int serving = 0, up = 0;
            for (const LiveServer &s : m_session.live()) {
                if (s.stopped)
                    continue;
                ++up;
                if ((ours ? s.requestsPerSecond : s.getsPerSecond) > 0)
                    ++serving;
            }
            report(up > 0 && serving == up, ours ? tr("%1 of %2 servers get our requests").arg(serving).arg(up)
                                                 : tr("%1 of %2 servers answer gets (their stats)").arg(serving).arg(up));
        } else if (key == QLatin1String("placed")) {
            qint64 held = 0, misplaced = 0;
            bool audited = !m_session.live().empty();
            for (const LiveServer &s : m_session.live()) {
                audited = audited && s.held >= 0;
                held += std::max<qint64>(0, s.held);
                misplaced += std::max<qint64>(0, s.misplaced);
            }
            report(audited && held > 0 && misplaced == 0,
                   audited ? tr("the servers hold %1 keys, %2 of them not where %3 places them").arg(held).arg(misplaced).arg(m_session.preset())
                           : tr("waiting for the servers' keys (metadump)"));
        } else {
            report(false, tr("cannot check \"%1\" here").arg(key));
        }
    }
    return all;
}

void LessonPanel::refreshSimple()
{
    const auto d = m_session.distribution();
    if (!m_simpleBox->isChecked() || !d)
        return;
    std::vector<QColor> colors;
    if (const auto scene = m_session.scene())
        for (const auto &s : scene->servers)
            colors.push_back(s.color);
    m_simple->setDistribution(*d, colors);
}

} // namespace ringscope::ui
