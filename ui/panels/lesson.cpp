#include "lesson.h"

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
        }
        step.look = s.value(QStringLiteral("look")).toString();
        step.expect = s.value(QStringLiteral("expect")).toObject();
        for (auto it = step.expect.begin(); it != step.expect.end(); ++it)
            if (!checks.contains(it.key())) {
                error = QObject::tr("step %1: unknown check \"%2\" (known: %3)").arg(i + 1).arg(it.key(), checks.join(QStringLiteral(", ")));
                return std::nullopt;
            }
        lesson.steps.push_back(std::move(step));
    }
    return lesson;
}

} // namespace ringscope::ui
