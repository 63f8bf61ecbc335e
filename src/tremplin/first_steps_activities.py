"""Things to touch in "Premiers pas / First steps" (ipywidgets), and the picture of a folder tree.

Each builder returns one box for one notebook cell. The rules and the state live in
`tremplin.first_steps`; these functions only show them and pass the learner's clicks on, so a later
app can reuse the same rules with other widgets.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from .apps.kit import TARGET, big_button
from .apps.kit import status as _status
from .first_steps import FileTree, TreeError, file_kind, join_path, sample_tree, split_path
from .first_steps_practice import ClickGame, Draft, ShortcutQuiz, check_typing
from .i18n import t

OK, WRONG = "#0a6b2d", "#b00020"  # green and red dark enough to read on white
FOLDER, LINE = "#f6c945", "#1f3b63"  # folders yellow as in every file explorer; dark blue lines


def click_game(lang: str, seed: int | None = None) -> w.VBox:
    """Big squares, one holding a star: point with the mouse and click it, five times."""
    game = ClickGame(seed=seed)
    message = w.HTML()
    squares = [w.Button(layout=w.Layout(width=TARGET, height=TARGET), style={"font_size": "32px"})
               for _ in range(game.size ** 2)]

    def show(text: str) -> None:
        for index, square in enumerate(squares):
            star = index == game.target and not game.done
            # Not "": a button given an empty description keeps showing its old one.
            square.description = "★" if star else "\u00a0"
            square.button_style = "warning" if star else ""
            square.tooltip = t(f"first_steps.click.{'star' if star else 'empty'}", lang)
        message.value = _status(text)

    def clicked(index: int) -> None:
        if game.done:
            return
        hit = game.click(index)
        if game.done:
            show(t("first_steps.click.done", lang, goal=game.goal))
        elif hit:
            show(t("first_steps.click.hit", lang, hits=game.hits, goal=game.goal))
        else:
            show(t("first_steps.click.miss", lang))

    for index, square in enumerate(squares):
        square.on_click(lambda _b, index=index: clicked(index))

    def again(_button: w.Button) -> None:
        game.reset()
        show(t("first_steps.click.start", lang))

    grid = w.GridBox(squares, layout=w.Layout(
        grid_template_columns=f"repeat({game.size}, {TARGET})", grid_gap="16px"))
    show(t("first_steps.click.start", lang))
    return w.VBox([message, grid, big_button(t("first_steps.click.again", lang), again)])


def typing_practice(lang: str) -> w.VBox:
    """A word to copy with the keyboard; each letter is checked as it is typed."""
    words = t("first_steps.typing.words", lang).split("|")
    at = [0]
    prompt, feedback = w.HTML(), w.HTML()
    box = w.Text(description=t("first_steps.typing.box", lang), continuous_update=True,
                 style={"description_width": "initial", "font_size": "24px"},
                 layout=w.Layout(width="24em", height="3em"))

    def check(_change: object = None) -> None:
        word, typed = words[at[0]], box.value
        if not typed:
            feedback.value = _status(t("first_steps.typing.start", lang))
            return
        verdict, right = check_typing(word, typed)
        shown = (f'<span style="color:{OK}">{html.escape(typed[:right])}</span><span style="'
                 f'color:{WRONG};text-decoration:underline">{html.escape(typed[right:])}</span>')
        said = t(f"first_steps.typing.{verdict}", lang, right=right, position=right + 1,
                 expected=html.escape(word[right:right + 1]),
                 got=html.escape(typed[right:right + 1]))
        feedback.value = _status(f'<p style="font-size:1.5em">{shown}</p><p>{said}</p>')

    def show_word() -> None:
        prompt.value = t("first_steps.typing.prompt", lang, number=at[0] + 1, total=len(words),
                         word=html.escape(words[at[0]]))
        box.value = ""
        check()

    def next_word(button: w.Button) -> None:
        if at[0] + 1 < len(words):
            at[0] += 1
            show_word()
        else:
            prompt.value = _status(t("first_steps.typing.all_done", lang))
            box.disabled = button.disabled = True

    box.observe(check, names="value")
    show_word()
    return w.VBox([prompt, box, feedback, big_button(t("first_steps.typing.next", lang),
                                                     next_word)])


def shortcut_quiz(lang: str, seed: int | None = None) -> w.VBox:
    """What do I want to do? Pick the keys among four big buttons, one question per shortcut."""
    quiz = ShortcutQuiz(seed=seed)
    question, feedback, choices = w.HTML(), w.HTML(), w.HBox()

    def keys(shortcut: str) -> str:
        return t(f"first_steps.shortcut.keys.{shortcut}", lang)

    def task(shortcut: str) -> str:
        return t(f"first_steps.shortcut.task.{shortcut}", lang)

    def picked(button: w.Button, shortcut: str) -> None:
        if quiz.answer(shortcut):
            feedback.value = _status(t("first_steps.shortcut.right", lang, keys=keys(shortcut)))
            for other in choices.children:
                other.disabled = True
            button.button_style = "success"
            next_button.disabled = False
        else:
            said = task(shortcut)
            feedback.value = _status(t("first_steps.shortcut.wrong", lang, keys=keys(shortcut),
                                       task=said[0].lower() + said[1:]))
            button.disabled = True

    def ask() -> None:
        if quiz.task is None:
            question.value = _status(t("first_steps.shortcut.finished", lang, score=quiz.score,
                                       total=len(quiz.order)))
            choices.children, feedback.value = (), ""
            next_button.disabled = True
            return
        question.value = t("first_steps.shortcut.question", lang, number=quiz.number + 1,
                           total=len(quiz.order), task=task(quiz.task))
        choices.children = [big_button(keys(s), lambda b, s=s: picked(b, s))
                            for s in quiz.choices]
        feedback.value = ""
        next_button.disabled = True

    def go_on(_button: w.Button) -> None:
        quiz.next()
        ask()

    next_button = big_button(t("first_steps.shortcut.next", lang), go_on)
    ask()
    return w.VBox([question, choices, feedback, next_button])


def save_demo(lang: str) -> w.VBox:
    """Write, save or not, then cut the power: only what was saved on the disk comes back."""
    draft = Draft()
    area = w.Textarea(placeholder=t("first_steps.save.placeholder", lang),
                      layout=w.Layout(width="32em", height="6em"))
    state, disk, news = w.HTML(), w.HTML(), w.HTML()

    def show() -> None:
        state.value = t("first_steps.save.unsaved" if draft.unsaved
                        else "first_steps.save.all_saved", lang)
        disk.value = (t("first_steps.save.saved", lang, text=html.escape(draft.saved))
                      if draft.saved else t("first_steps.save.nothing_saved", lang))

    def typed(_change: object) -> None:
        draft.text = area.value
        news.value = ""
        show()

    def save(_button: w.Button) -> None:
        draft.save()
        show()

    def power_cut(_button: w.Button) -> None:
        lost = draft.power_cut()
        area.value = draft.text
        news.value = _status(t("first_steps.save.lost", lang, text=html.escape(lost)) if lost
                             else t("first_steps.save.nothing_lost", lang))
        show()

    area.observe(typed, names="value")
    show()
    buttons = w.HBox([big_button(t("first_steps.save.save", lang), save),
                      big_button(t("first_steps.save.power_cut", lang), power_cut)])
    return w.VBox([area, state, buttons, news, disk])


def file_explorer(lang: str, tree: FileTree | None = None) -> w.VBox:
    """Marie's folders, in memory: open folders, go up, make a folder, move a file."""
    tree = tree or sample_tree(lang)
    here = [""]
    header, files, message, whole = w.HTML(), w.HTML(), w.HTML(), w.HTML()
    folders = w.HBox(layout=w.Layout(flex_flow="row wrap"))
    file_pick = w.Dropdown(description=t("first_steps.explorer.file", lang))
    target_pick = w.Dropdown(description=t("first_steps.explorer.to", lang))
    name_box = w.Text(description=t("first_steps.explorer.new_folder", lang),
                      style={"description_width": "initial"})

    def label(path: str) -> str:
        return " › ".join([tree.name, *split_path(path)])

    def open_folder(path: str) -> None:
        here[0] = path
        message.value = ""
        refresh()

    def refresh() -> None:
        header.value = t("first_steps.explorer.here", lang, path=html.escape(label(here[0])))
        up.disabled = not here[0]
        names = tree.folders(here[0])
        folders.children = [big_button(f"📁 {name}", lambda _b, name=name: open_folder(
            join_path(here[0], name))) for name in names] or [w.HTML(none)]
        names = tree.files(here[0])
        files.value = "<ul>" + "".join(
            f"<li>📄 <b>{html.escape(n)}</b> : {file_kind(n, lang)}</li>" for n in names
        ) + "</ul>" if names else none
        # A dropdown whose options change selects nothing: choose for the learner, as a file
        # explorer would, the first file here and the folder chosen before (else home).
        file_pick.options, file_pick.disabled = names, not names
        file_pick.value = names[0] if names else None
        paths = ["", *(p for _, p, is_dir in tree.walk() if is_dir)]
        chosen = target_pick.value
        target_pick.options = [(label(p), p) for p in paths]
        target_pick.value = chosen if chosen in paths else ""
        drawn = html.escape("\n".join(tree.lines()))
        whole.value = f"<pre style='font-size:1.1em'>{drawn}</pre>"

    def act(do: Any) -> None:
        try:
            message.value = _status(do())
        except TreeError as exc:
            message.value = _status(f'<span style="color:{WRONG}">{html.escape(str(exc))}</span>')
        refresh()

    def move(_button: w.Button) -> None:
        if file_pick.value:
            act(lambda: t("first_steps.explorer.moved", lang, name=html.escape(file_pick.value),
                          path=html.escape(tree.move(join_path(here[0], file_pick.value),
                                                     target_pick.value))))

    def create(_button: w.Button) -> None:
        act(lambda: t("first_steps.explorer.created", lang, path=html.escape(
            tree.make_folder(here[0], name_box.value.strip()))))

    none = t("first_steps.explorer.none", lang)
    up = big_button(t("first_steps.explorer.up", lang),
                    lambda _b: open_folder(join_path(*split_path(here[0])[:-1])))
    refresh()
    explorer = w.VBox([
        w.HBox([header, up]), w.HTML(t("first_steps.explorer.folders", lang)), folders,
        w.HTML(t("first_steps.explorer.files", lang)), files,
        w.HBox([file_pick, target_pick, big_button(t("first_steps.explorer.move", lang), move)]),
        w.HBox([name_box, big_button(t("first_steps.explorer.create", lang), create)]), message])
    return w.VBox([explorer, w.HTML(t("first_steps.explorer.whole_tree", lang)), whole])


def draw_tree(tree: FileTree, lang: str) -> Any:
    """The folder tree as a picture: yellow folders, white files, a line to what holds them."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    items = [(0, "", True), *((depth + 1, path, is_dir) for depth, path, is_dir in tree.walk())]
    fig, ax = plt.subplots(figsize=(7, 0.42 * len(items) + 1))
    last_row: dict[int, int] = {}
    for row, (depth, path, is_dir) in enumerate(items):
        name = split_path(path)[-1] if path else tree.name
        ax.text(depth, -row, name, va="center", fontsize=12, bbox={
            "boxstyle": "round,pad=0.3", "ec": LINE, "fc": FOLDER if is_dir else "white"})
        if depth:
            parent = last_row[depth - 1]
            x = depth - 0.8
            ax.plot([x, x, depth - 0.1], [-parent - 0.35, -row, -row], color=LINE, lw=1.5)
        last_row[depth] = row
    ax.set_xlim(-0.2, max(d for d, _, _ in items) + 3.5)
    ax.set_ylim(-len(items) + 0.4, 0.8)
    ax.axis("off")
    ax.legend(handles=[Patch(fc=FOLDER, ec=LINE, label=t("first_steps.picture.folder", lang)),
                       Patch(fc="white", ec=LINE, label=t("first_steps.picture.file", lang))],
              loc="upper right", fontsize=11)
    ax.set_title(t("first_steps.picture.title", lang, home=tree.name), fontsize=14)
    fig.tight_layout()
    return fig
