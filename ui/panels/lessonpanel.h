#pragma once

#include "ui/panels/lesson.h"

#include <QElapsedTimer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace ringscope::ui {

class ClusterSession;
class SimpleNumbersView;

// The guided lessons: pick one, read a step, press Next; each step acts on
// the cluster session (mostly on the local demo cluster: real processes
// started, added, killed), waits for the cluster to get there (on the
// session's signals, with a deadline), then checks what the step says should
// be seen ("about 3/4 of the keys moved") and says whether the real cluster
// shows it.
class LessonPanel : public QWidget {
    Q_OBJECT

public:
    LessonPanel(ClusterSession &session, QWidget *parent = nullptr);
    // The views a step may show ("ring", "compare", "plot:gets", …).
    static QStringList knownViews();

    // Built-in lessons (:/lessons) then the teacher's own
    // (<app data>/lessons/*.json), sorted by file name.
    QStringList lessonFiles() const;
    int lessonCount() const;
    // The title of lesson `index`, read once at start; empty when the file is not a lesson.
    QString lessonTitle(int index) const { return m_titles.value(index); }
    bool openLesson(int index);
    bool openFile(const QString &path, QString *error = nullptr);
    const Lesson &lesson() const noexcept { return m_lesson; }
    int currentStep() const noexcept { return m_step; }
    // Runs step `step`'s actions; stepFinished() when its check is done.
    void goToStep(int step);
    bool running() const noexcept { return m_phase != Phase::Idle; }
    bool lastPassed() const noexcept { return m_passed; }
    QString lastMessage() const { return m_message; }
    SimpleNumbersView *simpleView() const noexcept { return m_simple; }
    void setLanguage(const QString &language) { m_language = language; }

Q_SIGNALS:
    void stepFinished(int step, bool passed, const QString &message);
    // A step wants the window to show a view (one of knownViews()).
    void viewRequested(const QString &what);

private:
    enum class Phase { Idle, Acting, Checking };
    void tick();
    void tickSoon(); // once, from the event loop: the session said something changed
    // Starts one action; may set m_waitFor. An error stops the step.
    QString act(const QJsonObject &action);
    // Each check of the step's "expect": passed, and what was measured.
    bool check(QStringList &lines) const;
    void finish(bool passed, const QString &message);
    void present();
    void updateButtons();
    // True (and says so) while a step waits for the cluster: no other lesson then.
    bool waitingForTheCluster();
    void refreshSimple();

    ClusterSession &m_session;
    Lesson m_lesson;
    QString m_language;
    QStringList m_files;
    QStringList m_titles;
    int m_step = -1;
    int m_action = 0;
    Phase m_phase = Phase::Idle;
    std::function<bool()> m_waitFor;
    QString m_waitingFor;
    QElapsedTimer m_clock;
    qint64 m_deadlineMs = 0;
    bool m_passed = false;
    QString m_message;

    QComboBox *m_lessons;
    QLabel *m_title;
    QTextBrowser *m_text;
    QLabel *m_status;
    QPushButton *m_back, *m_next, *m_again;
    QCheckBox *m_simpleBox;
    SimpleNumbersView *m_simple;
    QTimer *m_wake;  // the deadline, or the end of a wait
    QTimer *m_soon;  // a change to look at
    qint64 m_wakeAtMs = 0; // a "wait" action's end on m_clock; 0: none
};

} // namespace ringscope::ui
