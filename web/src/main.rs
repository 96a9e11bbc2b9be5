//! The doudi site. For now a minimal page that proves the toolchain: a number
//! input whose value is echoed back (events + rendering).
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    let income = use_state(String::new);
    let oninput = {
        let income = income.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            income.set(input.value());
        })
    };
    let echo = if income.is_empty() {
        "收入：— 元".to_owned()
    } else {
        format!("收入：{} 元", *income)
    };

    html! {
        <main>
            <h1>{ "兜底保障测算" }</h1>
            <form class="calc" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label for="income">{ "每月收入（元）" }</label>
                <input id="income" name="income" type="number" min="0" step="0.01"
                    inputmode="decimal" value={(*income).clone()} {oninput} />
            </form>
            <p id="echo" aria-live="polite">{ echo }</p>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
