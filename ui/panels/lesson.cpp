#include "ui/panels/lesson.h"

#include <QJsonDocument>

namespace ringscope::ui {
namespace {

QString localized(const QJsonValue &value, const QString &language)
{
    if (value.isString())
        return value.toString();
    const QJsonObject texts = value.toObject();
    const QString text = texts.value(language).toString();
    return text.isEmpty() ? texts.value(QStringLiteral("en")).toString() : text;
}

struct Limit {
    const char *field;
    double low, high;
    bool required;
};

// The numbers each action may carry: a lesson is data from anywhere, and
// `"servers": 5000` must not start five thousand processes.
QList<Limit> limitsOf(const QString &action)
{
    if (action == QLatin1String("demo"))
        return {{"servers", 1, 32, false}};
    if (action == QLatin1String("points"))
        return {{"points", 0, 10000, true}};
    if (action == QLatin1String("weight"))
        return {{"server", 0, 1023, true}, {"weight", 1, 10000, true}};
    if (action == QLatin1String("remove") || action == QLatin1String("highlight"))
        return {{"server", 0, 1023, false}};
    if (action == QLatin1String("kill") || action == QLatin1String("restart"))
        return {{"server", 0, 1023, true}};
    if (action == QLatin1String("replication"))
        return {{"replicas", 1, 32, false}, {"quorum", 0, 32, false}};
    if (action == QLatin1String("traffic"))
        return {{"rate", 0, 100000, true}};
    if (action == QLatin1String("wait"))
        return {{"seconds", 0, 600, true}};
    return {};
}

QString checkAction(const QJsonObject &action)
{
    const QString name = action.value(QStringLiteral("do")).toString();
    for (const Limit &l : limitsOf(name)) {
        const QJsonValue v = action.value(QLatin1String(l.field));
        if (v.isUndefined() && !l.required)
            continue;
        if (!v.isDouble() || v.toDouble() < l.low || v.toDouble() > l.high)
            return QObject::tr("\"%1\" needs \"%2\": a number from %3 to %4").arg(name, QLatin1String(l.field)).arg(l.low).arg(l.high);
    }
    return {};
}

bool isRange(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    return v.isArray() && a.size() == 2 && a[0].isDouble() && a[1].isDouble() && a[0].toDouble() <= a[1].toDouble();
}

QString checkExpect(const QString &check, const QJsonValue &v)
{
    if (check == QLatin1String("within"))
        return v.isDouble() && v.toDouble() >= 0 && v.toDouble() <= 600 ? QString()
                                                                        : QObject::tr("\"within\" is seconds, from 0 to 600");
    if (check == QLatin1String("share")) {
        const QJsonObject o = v.toObject();
        return o.value(QStringLiteral("server")).isDouble() && o.value(QStringLiteral("server")).toDouble() >= 0
                && isRange(o.value(QStringLiteral("range")))
            ? QString()
            : QObject::tr("\"share\" needs {\"server\": N, \"range\": [low, high]}");
    }
    if (check == QLatin1String("readsOnEveryServer") || check == QLatin1String("getsOnEveryServer")
        || check == QLatin1String("placed"))
        return v.isBool() && v.toBool() ? QString() : QObject::tr("\"%1\" can only be true").arg(check);
    return isRange(v) ? QString() : QObject::tr("\"%1\" needs a range: [low, high]").arg(check);
}

} // namespace

QStringList Lesson::actionNames()
{
    return {QStringLiteral("demo"),    QStringLiteral("preset"),      QStringLiteral("points"),
            QStringLiteral("add"),     QStringLiteral("remove"),      QStringLiteral("weight"),
            QStringLiteral("kill"),    QStringLiteral("restart"),     QStringLiteral("replication"),
            QStringLiteral("traffic"), QStringLiteral("wait"),        QStringLiteral("simple"),
            QStringLiteral("show"),    QStringLiteral("highlight")};
}

QStringList Lesson::checkNames()
{
    return {QStringLiteral("moved"),       QStringLiteral("maxOverMean"),      QStringLiteral("share"),
            QStringLiteral("hitRatio"),    QStringLiteral("unavailable"),      QStringLiteral("readsOnEveryServer"),
            QStringLiteral("getsOnEveryServer"), QStringLiteral("placed"),     QStringLiteral("within")};
}

std::optional<Lesson> Lesson::parse(const QByteArray &json, const QString &language, QString &error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error = QObject::tr("not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    Lesson lesson;
    lesson.title = localized(root.value(QStringLiteral("title")), language);
    if (lesson.title.isEmpty()) {
        error = QObject::tr("the lesson has no \"title\"");
        return std::nullopt;
    }
    const QJsonArray steps = root.value(QStringLiteral("steps")).toArray();
    if (steps.isEmpty()) {
        error = QObject::tr("the lesson has no \"steps\"");
        return std::nullopt;
    }
    const QStringList actions = actionNames(), checks = checkNames();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QJsonObject s = steps[i].toObject();
        Step step;
        step.text = localized(s.value(QStringLiteral("text")), language);
        if (step.text.isEmpty()) {
            error = QObject::tr("step %1 has no \"text\"").arg(i + 1);
            return std::nullopt;
        }
        step.actions = s.value(QStringLiteral("actions")).toArray();
        for (const QJsonValue &a : step.actions) {
            const QString name = a.toObject().value(QStringLiteral("do")).toString();
            if (!actions.contains(name)) {
                error = QObject::tr("step %1: unknown action \"%2\" (known: %3)").arg(i + 1).arg(name, actions.join(QStringLiteral(", ")));
                return std::nullopt;
            }
            if (const QString problem = checkAction(a.toObject()); !problem.isEmpty()) {
                error = QObject::tr("step %1: %2").arg(i + 1).arg(problem);
                return std::nullopt;
            }
        }
        step.look = s.value(QStringLiteral("look")).toString();
        step.expect = s.value(QStringLiteral("expect")).toObject();
        for (auto it = step.expect.begin(); it != step.expect.end(); ++it)
            if (!checks.contains(it.key())) {
                error = QObject::tr("step %1: unknown check \"%2\" (known: %3)").arg(i + 1).arg(it.key(), checks.join(QStringLiteral(", ")));
                return std::nullopt;
            } else if (const QString problem = checkExpect(it.key(), it.value()); !problem.isEmpty()) {
                error = QObject::tr("step %1: %2").arg(i + 1).arg(problem);
                return std::nullopt;
            }
        lesson.steps.push_back(std::move(step));
    }
    return lesson;
}

} // namespace ringscope::ui
