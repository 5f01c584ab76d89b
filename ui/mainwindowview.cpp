// How the window shows things: lessons, the comparison tab, exports,
// presentation mode and the dark theme.
#include "ui/mainwindow.h"
#include "ui/util/tableexport.h"

#include "ui/models/servertablemodel.h"
#include "ui/panels/comparisonpanel.h"
#include "ui/panels/lessonpanel.h"
#include "ui/panels/plotspanel.h"
#include "ui/models/ringscene.h"
#include "ui/session/clustersession.h"
#include "ui/views/ringview.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolBar>

namespace ringscope::ui {
namespace {

// Dark, or black and white for presentation (high contrast on a projector).
QPalette darkPalette(bool highContrast = false)
{
    QPalette p;
    const QColor window = highContrast ? QColor(Qt::black) : QColor(0x2B, 0x2D, 0x31);
    const QColor base = highContrast ? QColor(Qt::black) : QColor(0x1F, 0x21, 0x24);
    const QColor text = highContrast ? QColor(Qt::white) : QColor(0xE3, 0xE3, 0xE3);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9A, 0x9A, 0x9A));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x55, 0x58, 0x5E));
    p.setColor(QPalette::Highlight, QColor(0x56, 0xB4, 0xE9));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::Link, QColor(0x56, 0xB4, 0xE9));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

} // namespace

void MainWindow::openLesson(int index)
{
    m_lessonsDock->show();
    m_lessonsDock->raise();
    m_lessons->openLesson(index);
}

void MainWindow::showCentralPage(int page)
{
    m_centralTabs->setCurrentIndex(page);
}

void MainWindow::showView(const QString &what)
{
    // What a lesson step asks to look at (LessonPanel::knownViews()).
    static const QList<QPair<QString, PlotsPanel::Plot>> plots{{QStringLiteral("plot:gets"), PlotsPanel::Load},
                                                               {QStringLiteral("plot:hit-ratio"), PlotsPanel::HitRatio},
                                                               {QStringLiteral("plot:keys"), PlotsPanel::Keys},
                                                               {QStringLiteral("plot:last-change"), PlotsPanel::Moved},
                                                               {QStringLiteral("plot:latency"), PlotsPanel::Latency}};
    for (const auto &[key, plot] : plots)
        if (what == key)
            return m_plots->setCurrentPlot(plot);
    if (what == QLatin1String("compare") || what == QLatin1String("ring"))
        showCentralPage(what == QLatin1String("compare") ? 1 : 0);
}

QString MainWindow::exportRing(const QString &path)
{
    return m_ring->exportTo(path);
}

QString MainWindow::exportPlot(const QString &path)
{
    return m_plots->exportCurrent(path);
}

QString MainWindow::exportServers(const QString &path)
{
    return writeCsv(*m_serverModel, path);
}

QString MainWindow::exportKeys(const QString &path)
{
    const auto scene = m_session->scene();
    return scene ? writeKeysCsv(*scene, path) : tr("nothing to export: no keys yet");
}

QString MainWindow::exportComparison(const QString &path)
{
    if (m_compare->results().empty())
        return tr("nothing to export: measure the comparison first (the Compare methods tab)");
    return writeCsv(*m_compare->table()->model(), path);
}

void MainWindow::exportWithDialog(const QString &title, const QString &filter, const QString &suffix,
                                  const std::function<QString(const QString &)> &write)
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("export/dir"), QDir::homePath()).toString();
    const QString chosen = QFileDialog::getSaveFileName(this, title, dir, filter);
    if (chosen.isEmpty())
        return;
    settings.setValue(QStringLiteral("export/dir"), QFileInfo(chosen).absolutePath());
    const QString path = exportPath(chosen, suffix, [this, &title](const QString &existing) {
        return QMessageBox::question(this, title,
                                     tr("%1 already exists.\nDo you want to replace it?")
                                         .arg(QDir::toNativeSeparators(existing)))
               == QMessageBox::Yes;
    });
    if (path.isEmpty())
        return;
    if (const QString error = write(path); !error.isEmpty())
        QMessageBox::warning(this, title, error);
    else
        m_session->note(EventKind::Info, tr("exported %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::setPresentation(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    {
        const QSignalBlocker block(m_presentAction);
        m_presentAction->setChecked(on);
    }
    if (on) {
        // Full screen, large type, black and white: the ring and one plot.
        m_stateBeforePresentation = saveState(kStateVersion);
        m_fontBeforePresentation = font();
        m_paletteBeforePresentation = QApplication::palette();
        m_styleBeforePresentation = QApplication::style()->name();
        m_windowStateBeforePresentation = windowState();
        for (auto *bar : findChildren<QToolBar *>())
            bar->hide();
        QDockWidget *plots = nullptr;
        for (auto *dock : findChildren<QDockWidget *>()) {
            const bool keep = dock->objectName() == QLatin1String("plotsDock");
            if (keep)
                plots = dock;
            dock->setVisible(keep || (dock == m_lessonsDock && m_lessonsDock->isVisible()));
        }
        if (plots) // beside the ring, a third of the screen
            resizeDocks({plots}, {std::max(360, (screen() ? screen()->geometry().width() : width()) / 3)}, Qt::Horizontal);
        QFont big = font();
        big.setPointSizeF(big.pointSizeF() * 1.6);
        setFont(big);
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette(true));
        m_plots->setDark(true);
        menuBar()->hide();
        statusBar()->hide();
        showCentralPage(0);
        showFullScreen();
        m_session->note(EventKind::Info, tr("presentation mode: Esc or F11 leaves it"));
    } else {
        setFont(m_fontBeforePresentation);
        if (QStyle *style = QStyleFactory::create(m_styleBeforePresentation))
            QApplication::setStyle(style);
        QApplication::setPalette(m_paletteBeforePresentation);
        m_plots->setDark(m_darkAction->isChecked());
        menuBar()->show();
        statusBar()->show();
        restoreState(m_stateBeforePresentation, kStateVersion); // the toolbars and docks as they were
        setWindowState(m_windowStateBeforePresentation);
    }
    m_ring->update();
}

void MainWindow::keyPressEvent(QKeyEvent *event)
{
    if (m_presentation && event->key() == Qt::Key_Escape) {
        setPresentation(false);
        return;
    }
    QMainWindow::keyPressEvent(event);
}

void MainWindow::setDarkTheme(bool dark)
{
    if (dark) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    } else {
        QApplication::setPalette(QApplication::style()->standardPalette());
    }
    m_plots->setDark(dark);
    m_ring->update();
    {
        const QSignalBlocker block(m_darkAction);
        m_darkAction->setChecked(dark);
    }
    QSettings().setValue(QStringLiteral("view/dark"), dark);
}

} // namespace ringscope::ui
