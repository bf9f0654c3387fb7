//! One table per rule family: a sentence in, the facts that must (and must not) come out.
//! Facts are written `person:NAME`, `role:NAME|TITLE|BODY` (`-` for no body),
//! `attends:NAME|attended|presided|spoke`, `meeting:NAME`, `org:NAME`.

use std::collections::BTreeSet;

use guanxi::{Extraction, Extractor, Lexicon};

fn facts(r: &Extraction) -> BTreeSet<String> {
    let mut f = BTreeSet::new();
    for p in &r.persons {
        f.insert(format!("person:{}", p.name));
    }
    // A post's body by the entry's name, however the role spells it.
    let entry_name = |spelling: &str| {
        r.organizations
            .iter()
            .find(|o| o.name == spelling || o.aliases.iter().any(|a| a == spelling))
            .map_or(spelling.to_string(), |o| o.name.clone())
    };
    for x in &r.roles {
        let body = x.organization.as_deref().map_or("-".to_string(), entry_name);
        f.insert(format!("role:{}|{}|{}", x.person, x.title, body));
    }
    for a in &r.attendance {
        f.insert(format!("attends:{}|{}", a.person, serde_json::to_value(a.role).unwrap().as_str().unwrap()));
    }
    for m in &r.meetings {
        f.insert(format!("meeting:{}", m.name));
    }
    for o in &r.organizations {
        f.insert(format!("org:{}", o.name));
    }
    f
}

/// Runs each (text, must have, must not have) case; the text is wrapped as the body of a report.
fn check(family: &str, cases: &[(&str, &[&str], &[&str])]) {
    let docs: Vec<String> = cases.iter().map(|(text, _, _)| format!("测试报道\n\n{text}\n")).collect();
    let cases: Vec<(&str, &[&str], &[&str])> =
        cases.iter().zip(&docs).map(|((_, has, lacks), doc)| (doc.as_str(), *has, *lacks)).collect();
    check_reports(family, &cases);
}

/// Runs each (report, must have, must not have) case on the whole report (headline first).
fn check_reports(family: &str, cases: &[(&str, &[&str], &[&str])]) {
    let ex = Extractor::new(Lexicon::embedded().unwrap());
    let mut failures = Vec::new();
    for (text, has, lacks) in cases {
        let doc = text.to_string();
        let f = facts(&ex.extract("case", &doc));
        for want in *has {
            if !f.contains(*want) {
                failures.push(format!("{family}: `{text}` lacks {want}; got {f:?}"));
            }
        }
        for unwanted in *lacks {
            if f.contains(*unwanted) {
                failures.push(format!("{family}: `{text}` has {unwanted}"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_name_after_a_title_is_no_region_it_spells_with_the_title() {
    check(
        "title and region",
        &[
            // 副省长|沙某: not 长沙; the full name 长沙市 after 湖南省 still names the city.
            (
                "湖南省长沙市召开会议。副省长沙立群出席。",
                &["role:沙立群|副省长|湖南省人民政府", "person:沙立群"],
                &["org:长沙市人民政府"],
            ),
            // 县长|宁某某: a name that begins like a county's short form (宁海) is a name there.
            ("平江县召开会议。县长宁海川出席。", &["role:宁海川|县长|平江县人民政府"], &[]),
        ],
    );
}

#[test]
fn a_town_named_like_a_district_elsewhere_names_no_region() {
    // 青山 is the short form of a district of 武汉; 青山镇 is any town of that name.
    check(
        "smaller places",
        &[
            (
                "市委常委、宣传部部长刘建平到青山镇调研。镇党委书记周晓东陪同调研。",
                &["person:刘建平", "person:周晓东"],
                &["org:中共武汉市委员会", "org:中共武汉市委员会宣传部", "role:刘建平|常委|中共武汉市委员会"],
            ),
            ("武汉市青山区委书记王明远出席会议。", &["role:王明远|书记|中共武汉市青山区委员会"], &[]),
        ],
    );
}

#[test]
fn dotted_names_in_a_list_and_pictured_names() {
    check(
        "dotted list items",
        &[(
            "自治区副主席乌恩其、阿不都热合曼·吐尔逊出席会议并讲话。",
            &["role:阿不都热合曼·吐尔逊|副主席|-", "attends:阿不都热合曼·吐尔逊|spoke", "role:乌恩其|副主席|-"],
            &[],
        )],
    );
    check(
        "photo positions",
        &[
            ("会上，王建国（左二）向获奖代表颁发证书，刘爱华主持会议。", &["person:王建国"], &[]),
            ("赵志远（前排右一）与参会代表合影留念。", &["person:赵志远"], &[]),
            ("绿色发展（中长期规划）已经印发。", &[], &["person:绿色发展"]),
        ],
    );
}

#[test]
fn title_chains_split_carry_and_distribute() {
    check(
        "chains",
        &[
            (
                "北京市委常委、教育工委书记，市政府党组成员林晓岚出席座谈会并讲话，各方代表参加。",
                &[
                    "role:林晓岚|常委|中共北京市委员会",
                    "role:林晓岚|书记|中共北京市委员会教育工作委员会",
                    "role:林晓岚|党组成员|北京市人民政府",
                ],
                &[],
            ),
            (
                "北京市科委、中关村管委会党组书记、主任郑一鸣主持会议，各区负责同志参加会议。",
                &[
                    "role:郑一鸣|党组书记|北京市科学技术委员会",
                    "role:郑一鸣|主任|北京市科学技术委员会",
                    "role:郑一鸣|党组书记|中关村管委会",
                    "role:郑一鸣|主任|中关村管委会",
                ],
                &[],
            ),
            (
                "上海市闵行区委副书记、区长尤明德出席活动并致辞，区有关部门负责同志参加。",
                &["role:尤明德|副书记|中共上海市闵行区委员会", "role:尤明德|区长|上海市闵行区人民政府"],
                &[],
            ),
            (
                "中共中央政治局常委、国务院总理庞立群主持会议，国务院副总理乔振东、谷雨晴出席。",
                &[
                    "role:庞立群|常委|中共中央政治局",
                    "role:庞立群|总理|中华人民共和国国务院",
                    "role:乔振东|副总理|中华人民共和国国务院",
                    "role:谷雨晴|副总理|中华人民共和国国务院",
                ],
                &[],
            ),
            (
                "国家发展改革委调度局组织召开保供调度会。调度局局长陈明宇主持会议，有关企业负责同志参加。",
                &["role:陈明宇|局长|国家发展和改革委员会调度局"],
                &["org:调度局"],
            ),
            (
                "会议听取了全国人大财经委副主任委员翁明德作的关于预算执行情况的报告，与会人员进行了审议。",
                &["role:翁明德|副主任委员|全国人民代表大会财政经济委员会"],
                &["person:法律委"],
            ),
            (
                "中共舟山市委副书记 、市政府市长柯明远对会议作出批示，各地各部门负责同志参加。",
                &["role:柯明远|副书记|中共舟山市委员会", "role:柯明远|市长|舟山市人民政府"],
                &[],
            ),
            (
                "湖州市委常委、 市政府党组成员黎向东出席会议，市金融办主任邵一凡主持。",
                &[
                    "role:黎向东|常委|中共湖州市委员会",
                    "role:黎向东|党组成员|湖州市人民政府",
                    "role:邵一凡|主任|湖州市人民政府金融工作办公室",
                ],
                &[],
            ),
        ],
    );
}

#[test]
fn names_are_judged_by_shape_and_context() {
    check(
        "names",
        &[
            // A place's short name right after a title and before a comma is a name (局长康平，);
            // a function-word surname with one char after it too (秘书长向东，); Yi clan names.
            (
                "市自然资源局党组书记、局长康平，市委常委、秘书长向东，县长吉克阿果，副县长普立新陪同调研。",
                &["person:康平", "person:向东", "person:吉克阿果", "person:普立新", "role:康平|局长|市自然资源局"],
                &[],
            ),
            ("书记带队赴康平调研，向东推进。", &[], &["person:康平", "person:向东"]),
            // An adjective between a title and punctuation is a name (院长严峻、); elsewhere not.
            ("区人民法院院长严峻、副院长邹明发言。", &["person:严峻", "role:严峻|院长|区人民法院"], &[]),
            ("当前形势严峻，院长邹明发言。", &["person:邹明"], &["person:严峻"]),
            // 和 as a surname right after a title; as a conjunction before a word or a name.
            (
                "省发展改革委一级巡视员和志宏出席会议，局长和专家参加，局长和李四出席。",
                &["person:和志宏", "role:和志宏|一级巡视员|省发展改革委", "person:李四"],
                &["person:和专家", "person:和李四"],
            ),
            (
                "区领导聂振宇、阎思齐、巫明轩参加会议，会议由区委办公室组织，时间为一小时。",
                &["person:聂振宇", "person:阎思齐", "person:巫明轩"],
                &["role:聂振宇|区领导|-"],
            ),
            (
                "赵明川委员长主持会议，全体委员出席会议，会议听取了有关报告，审议了议案。",
                &["person:赵明川", "role:赵明川|委员长|全国人民代表大会常务委员会"],
                &[],
            ),
            (
                "某国议会副议长加内维奇出席论坛并致辞，各国代表共三百余人参加论坛。",
                &["person:加内维奇"],
                &["person:余人"],
            ),
            (
                "新疆维吾尔自治区党委副书记、自治区主席艾力·买买提出席会议并讲话，会议取得圆满成功。",
                &["person:艾力·买买提"],
                &[],
            ),
            (
                "（记者 甄小雨 通讯员 卓一凡）本次会议的主要议程已经全部完成，与会同志表示满意。",
                &[],
                &["person:甄小雨", "person:卓一凡"],
            ),
            (
                "要深入学习贯彻总书记重要讲话精神，切实提高政治站位，全面推进各项工作高质量发展。",
                &[],
                &["person:深入学"],
            ),
        ],
    );
}

#[test]
fn attendance_follows_the_verbs() {
    check(
        "attendance",
        &[
            // 作…报告 whatever its subject or title; a plan (将邀请, 届时) is no act.
            (
                "会上，医务科科长钱立伟作2025年度医疗质量检查情况报告，党校教授祝文斌作题为《坚定信心》的专题报告。",
                &["attends:钱立伟|spoke", "attends:祝文斌|spoke"],
                &[],
            ),
            (
                "培训为期5天，将邀请农业大学教授孟立华等专家授课。会议将于明日召开，届时市长张大海将出席。",
                &["person:孟立华"],
                &["attends:孟立华|attended", "attends:张大海|attended"],
            ),
            ("李四与企业合作开发新产品，王五作出批示。", &[], &["attends:李四|spoke", "attends:王五|spoke"]),
            (
                "林晓岚出席座谈会并讲话，郑一鸣主持会议，各区负责同志参加座谈。",
                &[
                    "attends:林晓岚|attended",
                    "attends:林晓岚|spoke",
                    "attends:郑一鸣|presided",
                    "attends:郑一鸣|attended",
                ],
                &["attends:郑一鸣|spoke"],
            ),
            (
                "会议由省政府秘书长蔺浩然主持，各市分管负责同志参加会议，会议时间约两小时。",
                &["attends:蔺浩然|presided"],
                &[],
            ),
            (
                "会议传达学习了国务院总理庞立群的重要讲话精神，省长雷振华主持会议并讲话。",
                &["attends:雷振华|presided", "attends:雷振华|spoke"],
                &["attends:庞立群|attended", "attends:庞立群|spoke"],
            ),
            (
                "国务院副总理乔振东会见了某国议会副议长加内维奇，双方就合作交换了意见。",
                &["attends:乔振东|attended", "attends:加内维奇|attended"],
                &[],
            ),
            (
                "市人才局副局长柯文涛、海淀区副区长骆晨分别对各单位提出的建议做出回应，表示将积极推进。",
                &["attends:柯文涛|spoke", "attends:骆晨|spoke"],
                &[],
            ),
        ],
    );
}

#[test]
fn attendance_lists_leaders_and_quoted_persons() {
    check(
        "attendance lists",
        &[
            (
                "座谈会上，市科技局局长林晓岚、市教育局局长郑一鸣先后发言，高校代表周文博、吕思远分别作交流发言。",
                &[
                    "attends:林晓岚|spoke",
                    "attends:郑一鸣|spoke",
                    "attends:周文博|spoke",
                    "attends:吕思远|attended",
                ],
                &[],
            ),
            (
                "出席会议的还有市领导张明远、李华清，区委书记王志刚。",
                &["attends:张明远|attended", "attends:李华清|attended", "attends:王志刚|attended"],
                &[],
            ),
            (
                "县人大常委会副主任柯文涛同志，带领委员骆晨、乔振东，县商务局局长邵明远等一行到某某镇考察。",
                &[
                    "attends:柯文涛|attended",
                    "attends:骆晨|attended",
                    "attends:乔振东|attended",
                    "attends:邵明远|attended",
                ],
                &[],
            ),
            (
                "会议由副市长蔺浩然主持，县委书记雷振华作招商项目推介，市领导庞立群、乔振东陪同。",
                &[
                    "attends:蔺浩然|presided",
                    "attends:雷振华|spoke",
                    "attends:庞立群|attended",
                    "attends:乔振东|attended",
                ],
                &[],
            ),
            (
                "副区长骆晨在总结会上说，要抓好落实。市教育局局长邵明远汇报了有关情况，某某学院院长周文博介绍了办学成果。",
                &["attends:骆晨|spoke", "attends:邵明远|spoke", "attends:周文博|spoke"],
                &[],
            ),
        ],
    );
}

#[test]
fn attendance_follows_zero_subjects_and_skips_quotes() {
    check(
        "attendance subjects",
        &[
            (
                "副省长林晓岚来到某某县灾害现场察看情况。随后主持召开会议，研究部署救援工作。",
                &["attends:林晓岚|presided"],
                &[],
            ),
            ("林晓岚在主持会议时说，要扎实推进各项工作。", &["attends:林晓岚|presided", "attends:林晓岚|spoke"], &[]),
            (
                "根据国务院总理庞立群要求，副总理乔振东率领有关部门负责同志赶赴现场。会议传达学习了庞立群的重要批示。",
                &["attends:乔振东|attended"],
                &["attends:庞立群|attended", "attends:庞立群|spoke"],
            ),
            (
                "某某同志纪念座谈会举行，柯文涛同志亲属、生前友好参加座谈会，市领导骆晨出席。",
                &["attends:骆晨|attended"],
                &["attends:柯文涛|attended"],
            ),
            (
                "学习贯彻蔺浩然同志在某某大会上的重要讲话精神 雷振华主持会议并讲话",
                &["attends:雷振华|presided", "attends:雷振华|spoke"],
                &["attends:蔺浩然|attended", "attends:蔺浩然|presided"],
            ),
            (
                "市财政局局长邵明远同志强调，要切实做好保障工作。",
                &["attends:邵明远|attended", "attends:邵明远|spoke"],
                &[],
            ),
            (
                "省财政厅处长周文博、吕思远先后对与会人员进行了业务培训。",
                &["attends:周文博|spoke", "attends:吕思远|spoke"],
                &[],
            ),
        ],
    );
}

#[test]
fn meetings_are_events_of_the_report() {
    check(
        "meeting names",
        &[
            (
                "大会开始前，副总理乔振东会见了参加论坛的各国嘉宾代表。",
                &["meeting:会见参加论坛的各国嘉宾代表"],
                &["meeting:会见了参加论坛的各国嘉宾代表"],
            ),
            (
                "副市长林晓岚会见某某集团董事长周文博、总经理吕思远一行。",
                &["meeting:会见某某集团董事长周文博、总经理吕思远一行"],
                &[],
            ),
            (
                "林晓岚到某某理工学院调研。她指出，要深入贯彻落实某某科技创新座谈会精神。",
                &[],
                &["meeting:某某科技创新座谈会"],
            ),
            ("中共北京市科委党组5月6日举行会议，传达学习有关文件精神。", &["meeting:中共北京市科委党组会议"], &[]),
            (
                "29日下午，学习研讨班在某某市结业，结业式由区委书记邵明远主持。",
                &["meeting:结业式", "attends:邵明远|presided"],
                &[],
            ),
        ],
    );
}

#[test]
fn meetings_and_bodies_are_named() {
    check(
        "meetings",
        &[
            (
                "3月14日，北京市科委组织召开“智能制造创新发展座谈会”，有关单位参加会议。",
                &["meeting:智能制造创新发展座谈会", "org:北京市科学技术委员会"],
                &[],
            ),
            (
                "十四届全国人大常委会第九次会议27日下午在京举行第一次全体会议，委员长主持。",
                &["meeting:十四届全国人大常委会第九次会议"],
                &[],
            ),
            (
                "中共中央20日上午在人民大会堂举行座谈会，纪念某某同志诞辰100周年，有关方面出席。",
                &[],
                &["meeting:中共中央20日上午在人民大会"],
            ),
            (
                "新华社北京5月8日电 国务院召开常务会议，研究部署有关工作，会议强调要抓好落实。",
                &["org:中华人民共和国国务院"],
                &["org:新华通讯社"],
            ),
            (
                "会议要求，各市委办局要切实履行职责，推动各项任务落实落细，确保取得实效。",
                &[],
                &["org:中共北京市委员会办公室"],
            ),
        ],
    );
}

#[test]
fn persons_only_mentioned_are_persons() {
    check(
        "mentioned",
        &[
            (
                "我们要深入贯彻张明远总书记关于生态保护的重要论述，推动各项工作落地见效。",
                &["person:张明远", "role:张明远|总书记|-"],
                &["attends:张明远|attended"],
            ),
            (
                "会议认为，以李华成同志为核心的领导集体作出了重大决策，意义深远。",
                &["person:李华成"],
                &["attends:李华成|attended"],
            ),
            (
                "要深入贯彻落实赵永川生态文明思想，坚持以周立强新时代发展理念为指导。",
                &["person:赵永川", "person:周立强"],
                &["person:生态文", "person:文明"],
            ),
            (
                "代表们参观了孙启明纪念馆，缅怀先辈业绩，坚持马克思主义思想不动摇。",
                &["person:孙启明"],
                &["person:马克思"],
            ),
            ("丁副市长在青年人才培养座谈会上强调，要传承弘扬老一辈的光辉思想。", &[], &["person:卓越", "person:光辉"]),
            // A preposition after the title starts no name (总书记|关于某的…): the name is before it.
            (
                "要深入学习贯彻张明远总书记关于党的建设的重要论述。",
                &["person:张明远", "role:张明远|总书记|-"],
                &["person:关于党"],
            ),
        ],
    );
}

#[test]
fn posts_of_enterprises_villages_and_hospitals_lead_to_names() {
    check(
        "posts",
        &[
            ("某某林场场长李明华出席仪式并致辞，各方代表参加。", &["person:李明华", "role:李明华|场长|某某林场"], &[]),
            ("乡电商办专干王晓东介绍了有关情况，与会人员进行了讨论。", &["person:王晓东"], &[]),
            (
                "某某医院主治医师陈立新参加义诊活动，为群众提供服务。",
                &["person:陈立新", "role:陈立新|主治医师|某某医院"],
                &[],
            ),
        ],
    );
}

#[test]
fn jian_joins_two_posts_of_one_chain() {
    check(
        "兼",
        &[
            (
                "浙江省政协副主席兼秘书长张三丰出席会议。",
                &[
                    "role:张三丰|副主席|中国人民政治协商会议浙江省委员会",
                    "role:张三丰|秘书长|中国人民政治协商会议浙江省委员会",
                ],
                &[],
            ),
            (
                "某某集团董事长兼总经理李明华主持会议。",
                &["role:李明华|董事长|某某集团", "role:李明华|总经理|某某集团"],
                &[],
            ),
            // 兼任 is a verb: no post 任… comes of it.
            ("局长王晓东兼任领导小组组长。", &["person:王晓东"], &["role:王晓东|任|-"]),
        ],
    );
}

#[test]
fn bodies_known_by_their_shape_hold_posts() {
    check(
        "body shapes",
        &[
            (
                // Items of one list: a bodyless post is held in the body of the item before.
                "某某市第一人民医院党委书记李明华、院长张三、副院长王小明等随行。",
                &[
                    "role:李明华|党委书记|某某市第一人民医院",
                    "role:张三|院长|某某市第一人民医院",
                    "role:王小明|副院长|某某市第一人民医院",
                ],
                &["role:张三|院长|-"],
            ),
            (
                // A unit's party committee: 党委 posts of the unit, its other posts too.
                "某某理工大学党委书记张三、副书记王小明、校长李明华出席。",
                &[
                    "role:张三|党委书记|某某理工大学",
                    "role:王小明|党委副书记|某某理工大学",
                    "role:李明华|校长|某某理工大学",
                ],
                &[],
            ),
            (
                "某某重工集团党委书记、董事长张三出席。",
                &["role:张三|党委书记|某某重工集团", "role:张三|董事长|某某重工集团"],
                &[],
            ),
            (
                // A township's committee is a body of its own; its head holds a post in its government.
                "某某镇党委书记张三、镇长李明华参加调研。",
                &["role:张三|书记|某某镇党委", "role:李明华|镇长|某某镇人民政府"],
                &[],
            ),
            (
                // A democratic party's committee of a region, the region written or implied.
                "湖南省长沙市召开会议。民进湖南省委主委张三、九三学社市委副主委李明华、致公党长沙市总支主委王小明出席。",
                &[
                    "role:张三|主委|中国民主促进会湖南省委员会",
                    "role:李明华|副主委|九三学社长沙市委员会",
                    "role:王小明|主委|中国致公党长沙市总支部委员会",
                ],
                &["org:中共湖南省委员会", "org:中共长沙市委员会"],
            ),
            (
                // Separate chains of regions do not lend each other bodies.
                "北京市委书记张三、市长李明华出席。",
                &["role:李明华|市长|北京市人民政府"],
                &["role:李明华|市长|中共北京市委员会"],
            ),
        ],
    );
}

#[test]
fn unknown_bodies_in_running_text_are_named_by_their_ending() {
    check(
        "shaped bodies",
        &[
            (
                // Left edges: 了, 、 and a region start the names; the brackets belong to them.
                "会议邀请了杭州周宁智能科技有限公司、星辰数据服务（浙江）有限公司、宁波明湖康复医院等企业参加。",
                &["org:杭州周宁智能科技有限公司", "org:星辰数据服务（浙江）有限公司", "org:宁波明湖康复医院"],
                &["org:了杭州周宁智能科技有限公司"],
            ),
            (
                // A person's name, a verb or a conjunction before the name is no part of it.
                "李明华介绍了湖南省人工智能学会的情况，张三和长沙青松新材料股份有限公司代表发言。",
                &["org:湖南省人工智能学会", "org:长沙青松新材料股份有限公司"],
                &["org:和长沙青松新材料股份有限公司"],
            ),
            (
                // Categories and generic words are no bodies.
                "三甲医院、人民医院和国家重点实验室要发挥作用，教育部直属师范大学积极参与，服务党和国家中心工作。",
                &[],
                &["org:三甲医院", "org:人民医院", "org:国家重点实验室", "org:教育部直属师范大学", "org:党和国家中心"],
            ),
            (
                // A credit line names no body.
                "来源：杭州周宁智能科技有限公司",
                &[],
                &["org:杭州周宁智能科技有限公司"],
            ),
        ],
    );
}

#[test]
fn posts_after_a_foreign_country_are_posts_of_its_government_or_parliament() {
    check(
        "foreign posts",
        &[
            (
                "会谈时，格鲁吉亚总理卡洛维表示愿加强合作。",
                &["role:卡洛维|总理|格鲁吉亚政府"],
                &["role:卡洛维|总理|中华人民共和国国务院"],
            ),
            ("俄罗斯第一副总理布洛夫出席开幕式。", &["role:布洛夫|第一副总理|俄罗斯联邦政府"], &[]),
            ("法国议会副议长杜兰德一行参观。", &["role:杜兰德|副议长|法国议会"], &[]),
            // A Chinese post named with the country it is held in stays Chinese.
            (
                "国务院副总理王晓东出席会议，中国驻法国大使赵一鸣陪同。",
                &["role:王晓东|副总理|中华人民共和国国务院"],
                &["org:法兰西共和国政府"],
            ),
        ],
    );
}

#[test]
fn a_chain_carries_its_region_to_departments_named_without_one() {
    check(
        "chain regions",
        &[
            (
                "泰州市委书记张明远出席会议。扬州市委常委、政法委书记李文涛，扬州市委常委、市政府副市长王海峰参加会议。",
                &[
                    "role:李文涛|常委|中共扬州市委员会",
                    "role:李文涛|书记|中共扬州市委员会政法委员会",
                    "role:王海峰|副市长|扬州市人民政府",
                    "org:中共扬州市委员会政法委员会",
                ],
                &["org:中共泰州市委员会政法委员会"],
            ),
            (
                "周宁县召开会议。县委常委、纪委书记、监委主任赵德山出席。",
                &[
                    "role:赵德山|常委|中共周宁县委员会",
                    "role:赵德山|书记|中共周宁县纪律检查委员会",
                    "role:赵德山|主任|周宁县监察委员会",
                ],
                &[],
            ),
        ],
    );
}

#[test]
fn attend_subjects_and_closing_lists_without_titles() {
    check(
        "attend-subjects",
        &[
            (
                "出席座谈会的党外人士还有孙立平、周志刚、吴建华和郑海涛、钱文斌等。",
                &[
                    "person:孙立平",
                    "attends:孙立平|attended",
                    "attends:吴建华|attended",
                    "attends:郑海涛|attended",
                    "attends:钱文斌|attended",
                ],
                &[],
            ),
            ("参加调研的还有周志刚、吴建华。", &["attends:周志刚|attended", "attends:吴建华|attended"], &[]),
            ("孙立平在某某区调研时指出，要抓好安全生产。", &["attends:孙立平|attended", "attends:孙立平|spoke"], &[]),
            ("孙立平对下一步工作提出要求。", &["attends:孙立平|spoke"], &[]),
            ("会上，孙立平、周志刚分别就分管领域工作作了发言。", &["attends:周志刚|spoke"], &[]),
            ("周志刚代表市政府作工作报告。", &["attends:周志刚|spoke"], &[]),
            ("孙立平为获奖代表颁奖。", &["attends:孙立平|attended"], &[]),
        ],
    );
}

#[test]
fn a_head_of_government_without_a_body_heads_the_region_of_its_tier() {
    check(
        "heads by tier",
        &[
            (
                "延边朝鲜族自治州召开全州安全生产工作会议。州长张明远出席会议并讲话。",
                &["role:张明远|州长|延边朝鲜族自治州人民政府"],
                &[],
            ),
            // A rank is no head: it takes no government.
            ("某某县召开会议。一级巡视员赵德山出席。", &[], &["role:赵德山|一级巡视员|某某县人民政府"]),
            // A county-level city's report: its 市长 and 副市长 are its own, not the prefecture
            // city's above it.
            (
                "浏阳市召开会议。市长张明远出席，副市长林可欣主持。",
                &["role:张明远|市长|浏阳市人民政府", "role:林可欣|副市长|浏阳市人民政府"],
                &["role:林可欣|副市长|长沙市人民政府"],
            ),
        ],
    );
}

#[test]
fn joint_names_townships_and_local_hospitals_and_schools() {
    check(
        "local bodies",
        &[
            (
                "扬州市召开会议。会议贯彻市委市政府部署，市一院院长钱立新、县一中校长孙海波作交流发言。",
                &[
                    "org:中共扬州市委员会",
                    "org:扬州市人民政府",
                    "org:扬州市第一人民医院",
                    "role:钱立新|院长|扬州市第一人民医院",
                ],
                &[],
            ),
            (
                "周宁县召开会议。青山镇镇长周文斌、县人民医院院长吴俊杰出席。",
                &["role:周文斌|镇长|青山镇人民政府", "role:吴俊杰|院长|周宁县人民医院"],
                &[],
            ),
        ],
    );
}

#[test]
fn attend_talks_school_heads_and_framed_receptions() {
    check(
        "attend-talks",
        &[
            ("某某大学校长周志刚作主旨演讲。", &["role:周志刚|校长|某某大学", "attends:周志刚|spoke"], &[]),
            ("某某中学校长周志刚出席。", &["attends:周志刚|attended"], &[]),
            ("中国科学院院士周志刚作学术报告。", &["attends:周志刚|spoke"], &[]),
            ("市委书记孙立平主持会议。孙立平就做好下一步工作作出部署。", &["attends:孙立平|spoke"], &[]),
            ("市委常委孙立平出席。孙立平传达了有关文件精神。", &["attends:孙立平|spoke"], &[]),
            ("市长孙立平莅临指导。", &["attends:孙立平|attended"], &[]),
            // With no comma after 会上, the meeting conveys: the previous subject does not.
            (
                "钱文斌近日作出重要指示。会上传达了钱文斌重要指示。",
                &[],
                &["attends:钱文斌|attended", "attends:钱文斌|spoke"],
            ),
            // 在会见时表示 frames remarks; it names no reception.
            ("省长孙立平会见了某某集团董事长周志刚一行。孙立平在会见时表示欢迎。", &[], &["meeting:孙立平在会见"]),
        ],
    );
}

#[test]
fn divisions_take_the_parent_written_before_their_list() {
    check(
        "divisions",
        &[
            (
                "贵州省发展改革委办公室、规划处、综合处负责同志参加座谈。",
                // Named after the parent's full name; the parent is named only inside theirs.
                &[
                    "org:贵州省发展和改革委员会办公室",
                    "org:贵州省发展和改革委员会规划处",
                    "org:贵州省发展和改革委员会综合处",
                ],
                &["org:贵州省发展和改革委员会"],
            ),
            (
                "贵州省财政厅监察处处长张子墨出席。",
                &["org:贵州省财政厅监察处", "role:张子墨|处长|贵州省财政厅监察处"],
                &["org:贵州省财政厅"],
            ),
            // Another body after 和, and a group of divisions, are no divisions.
            (
                "贵州省商务厅和省财政厅等省直部门相关处室负责同志参加。",
                &["org:贵州省商务厅", "org:贵州省财政厅"],
                &["org:贵州省商务厅和省财政厅", "org:贵州省财政厅等省直部门相关处室"],
            ),
        ],
    );
}

#[test]
fn attend_member_lists_put_forward_remarks_and_cited_requests() {
    check(
        "attend-lists",
        &[
            // The members of a group named after 成员有/为/包括 took part.
            (
                "某某市代表团赴某某县考察。代表团由市长孙立平率领，成员有周志刚、吴海涛。",
                &["attends:周志刚|attended", "attends:吴海涛|attended"],
                &[],
            ),
            ("调研组组员为郑文斌、冯晓东。", &["attends:郑文斌|attended", "attends:冯晓东|attended"], &[]),
            // One list of attending verbs: 陪同调研的还有 opens a list like 出席会议的还有.
            ("市长孙立平到某某县调研，陪同调研的还有周志刚、吴海涛。", &["attends:吴海涛|attended"], &[]),
            // 提出，… reports remarks; 提出倡议 puts a thing forward.
            ("某某县召开座谈会。周志刚委员提出，要加强监管。", &["attends:周志刚|spoke"], &[]),
            ("某某县召开座谈会。钱文斌主席提出全球倡议，影响深远。", &[], &["attends:钱文斌|spoke"]),
            ("某某县召开座谈会。科技部部长周志刚和某某协会会长吴海涛，分别致词。", &["attends:吴海涛|spoke"], &[]),
            // 落实有关部署要求，: no one's remarks; the sentence goes on to who took part.
            (
                "为全面落实省委有关部署要求，11月2日，某某县召开会议，副县长周志刚参加会议并讲话。",
                &["attends:周志刚|spoke"],
                &[],
            ),
        ],
    );
}

#[test]
fn members_general_terms_and_short_forms_inside_words_name_no_body() {
    check(
        "not bodies",
        &[
            ("全体中国共产党人要坚定信心。", &[], &["org:中国共产党"]),
            ("缅怀他为党和人民建立的功勋。", &[], &["org:中国民主建国会"]),
            // The general institution is the national committee's (全国政协) in the gold's usage.
            (
                "全国政协召开常委会。人民政协要凝聚共识。",
                &["org:中国人民政治协商会议全国委员会"],
                &["org:中国人民政治协商会议"],
            ),
        ],
    );
}

#[test]
fn national_and_international_bodies_of_the_dictionary_are_named() {
    check(
        "dictionary bodies",
        &[
            ("新疆生产建设兵团召开会议，张子墨出席。", &["org:新疆生产建设兵团"], &[]),
            ("中国国民党副主席张子墨致辞。", &["org:中国国民党", "role:张子墨|副主席|中国国民党"], &[]),
            // 民进党 is its own party, not 民进 (中国民主促进会).
            ("民进党当局一意孤行。", &["org:民主进步党"], &["org:中国民主促进会"]),
            ("该标准正在WTO公示。", &["org:世界贸易组织"], &[]),
            // River basin commissions of the water ministry, and a province's 应急厅.
            ("省应急厅、长江委负责同志列席会议。", &["org:水利部长江水利委员会"], &[]),
            ("湖北省召开会议。省应急厅负责同志列席会议。", &["org:湖北省应急管理厅"], &[]),
        ],
    );
    // A headline's bare meeting word after a level word and its department (省政府召开常务会议).
    check_reports(
        "meeting names",
        &[(
            "省政府召开常务会议\n\n6月3日，省长林可欣主持召开省政府常务会议，研究有关工作。\n",
            &["meeting:省政府常务会议"],
            &["meeting:常务会议"],
        )],
    );
}

#[test]
fn visits_in_running_text_are_events_of_the_report() {
    check(
        "running-visits",
        &[
            // A visit told in running text is an event beside the meeting.
            (
                "5月3日，某某市召开防汛工作会议。会前，市长孙立平前往某某社区检查防汛工作。",
                &["meeting:防汛工作会议", "meeting:前往某某社区检查防汛工作", "attends:孙立平|attended"],
                &[],
            ),
            ("7月2日，某某市代表团到某某大学考察，双方举行座谈。", &["meeting:到某某大学考察"], &[]),
            // A going that is no visit (得到), or a visit asked for (要深入基层调研), is none.
            ("某某县召开座谈会。工作得到某某调研组肯定。", &[], &["meeting:到某某调研组肯定"]),
            ("某某县召开座谈会。周志刚指出，各级干部要到基层调研。", &[], &["meeting:到基层调研"]),
        ],
    );
}

#[test]
fn coined_company_names_keep_their_lone_chars() {
    check(
        "coined names",
        &[
            (
                "会议邀请了贵州青和源投资有限公司、贵阳微亿达科技股份有限公司参加。",
                &["org:贵州青和源投资有限公司", "org:贵阳微亿达科技股份有限公司"],
                &[],
            ),
            // A preposition after a lone char still ends the words before the name.
            ("记者摄在贵阳某某热电公司。", &[], &["org:摄在贵阳某某热电公司"]),
        ],
    );
}

#[test]
fn local_service_points_committees_and_police_stations_are_bodies() {
    check(
        "local bodies by shape",
        &[
            (
                "他走访了修文县电子商务服务站及白杨村电子商务服务点。",
                &["org:修文县电子商务服务站", "org:白杨村电子商务服务点"],
                &[],
            ),
            (
                "南明区医疗纠纷人民调解委员会和花溪区人民调解委员会在修文县龙场派出所设立调解室。",
                &["org:南明区医疗纠纷人民调解委员会", "org:花溪区人民调解委员会", "org:修文县龙场派出所"],
                &["org:和花溪区人民调解委员会"],
            ),
        ],
    );
}

#[test]
fn a_unit_named_by_its_kind_word_is_the_reports_own_unit() {
    check(
        "own unit",
        &[
            // 医院党委 and 院长 after a hospital named in full; the deputies listed after them too.
            (
                "益阳市第三人民医院召开会议。医院党委书记许文涛、院长柯立群，副院长钱佳怡出席。",
                &[
                    "role:许文涛|党委书记|益阳市第三人民医院",
                    "role:柯立群|院长|益阳市第三人民医院",
                    "role:钱佳怡|副院长|益阳市第三人民医院",
                    "org:益阳市第三人民医院党委",
                ],
                &["org:医院党委"],
            ),
            // 集团 stands for the group company with its legal form.
            (
                "青岚建工集团有限公司召开经营分析会。集团党委书记、董事长余振邦主持，集团总会计师陶文远通报情况。",
                &[
                    "role:余振邦|党委书记|青岚建工集团有限公司",
                    "role:余振邦|董事长|青岚建工集团有限公司",
                    "role:陶文远|总会计师|青岚建工集团有限公司",
                ],
                &["org:集团党委"],
            ),
            // With no hospital named, 医院 is no body.
            ("医院党委书记许文涛出席。", &["role:许文涛|党委书记|-"], &["org:医院党委", "org:医院"]),
            // 所属 ties a company to the group before it: it is no part of the company's name.
            (
                "青岚建工集团有限公司召开会议。集团所属青岚路桥工程有限公司总经理方明远发言。",
                &["role:方明远|总经理|青岚路桥工程有限公司"],
                &["org:集团所属青岚路桥工程有限公司"],
            ),
            // One char stands for the report's own unit: 院 for the court named first, 校 for
            // the university, 局 for the bureau.
            (
                "益阳市中级人民法院召开会议，益阳市人民检察院派员参加。院党组书记、院长钟立伟主持，院党组成员、副院长傅晓明出席。",
                &[
                    "role:钟立伟|党组书记|益阳市中级人民法院",
                    "role:钟立伟|院长|益阳市中级人民法院",
                    "role:傅晓明|党组成员|益阳市中级人民法院",
                    "role:傅晓明|副院长|益阳市中级人民法院",
                ],
                &["role:钟立伟|院长|益阳市人民检察院"],
            ),
            (
                "枫溪理工大学召开会议。校党委书记李文韬、校长陈立峰出席。",
                &["role:李文韬|党委书记|枫溪理工大学", "role:陈立峰|校长|枫溪理工大学"],
                &[],
            ),
            ("会议召开。院党组书记傅晓明出席。", &["role:傅晓明|党组书记|-"], &["org:院党组"]),
            // A school of a university named before it in the chain.
            (
                "枫溪理工大学副校长、研究生院院长龚立平出席。",
                &["role:龚立平|副校长|枫溪理工大学", "role:龚立平|院长|枫溪理工大学研究生院"],
                &[],
            ),
        ],
    );
}

#[test]
fn a_townships_report_names_its_bodies_by_level_words() {
    check(
        "township",
        &[
            // 镇党委, 镇纪委 and 镇长 in the report of the township named after its county.
            (
                "近日，平江县青禾镇召开会议。镇党委书记罗振宇主持，镇党委副书记、镇长黄立新讲话，镇纪委书记周敏、镇人大主席孙慧芳出席。",
                &[
                    "role:孙慧芳|主席|平江县青禾镇人民代表大会",
                    "role:罗振宇|书记|中共平江县青禾镇委员会",
                    "role:黄立新|副书记|中共平江县青禾镇委员会",
                    "role:黄立新|镇长|平江县青禾镇人民政府",
                    "role:周敏|书记|中共平江县青禾镇纪律检查委员会",
                ],
                &["org:中共平江县纪律检查委员会", "org:镇党委", "role:孙慧芳|人大主席|青禾镇人民政府"],
            ),
            // A street's party working committee and office.
            (
                "近日，某某市余杭区仓前街道召开会议。街道党工委书记林晓东讲话，街道办事处主任许雅文主持。",
                &["role:林晓东|书记|中共杭州市余杭区仓前街道工作委员会",
                    "role:许雅文|主任|杭州市余杭区人民政府仓前街道办事处",],
                &[],
            ),
            // A village's report: 村党支部 and 村委会 are the village's named after its township.
            (
                "近日，平江县青禾镇石桥村召开村民代表大会。村党支部书记、村委会主任李长贵主持会议。",
                &["role:李长贵|书记|石桥村党支部", "role:李长贵|主任|石桥村村民委员会"],
                &["org:村党支部"],
            ),
            ("平江县青禾镇石桥村召开会议。各村党支部书记汪海鹰出席。", &[], &["role:汪海鹰|书记|石桥村党支部"]),
            // 各乡镇党委 speaks of many townships: no body of the report's own.
            ("平江县青禾镇召开会议。各乡镇党委书记汪海鹰出席。", &[], &["role:汪海鹰|书记|中共平江县青禾镇委员会"]),
            // The parties' own spelling of a regional committee (民革某市委会).
            (
                "民革岳阳市委会召开会议，民革岳阳市委会主委刘思远主持。",
                &["role:刘思远|主委|中国国民党革命委员会岳阳市委员会"],
                &[],
            ),
        ],
    );
}

#[test]
fn congress_bodies_are_named_through_terms_short_forms_and_their_parts() {
    check(
        "congress",
        &[
            // A term of office in the name; a working committee named after its standing committee;
            // 人大 for 人民代表大会 inside a longer name.
            (
                "湖南省第十四届人大常委会召开会议。省人大常委会党组成员、法制工作委员会主任谭志远，省人大监察和司法委员会主任委员彭晓东出席。",
                &[
                    "org:湖南省人民代表大会常务委员会",
                    "role:谭志远|党组成员|湖南省人民代表大会常务委员会",
                    "role:谭志远|主任|湖南省人民代表大会常务委员会法制工作委员会",
                    "role:彭晓东|主任委员|湖南省人民代表大会监察和司法委员会",
                ],
                &["org:湖南省第十四届人大常委会", "org:法制工作委员会"],
            ),
            // A CPPCC committee's term names no party committee.
            (
                "政协平江县第十届委员会常务委员会第十二次会议召开。县政协主席汤建新主持。",
                &["role:汤建新|主席|中国人民政治协商会议平江县委员会"],
                &["org:中共平江县委员会常务委员会", "org:中共平江县委员会"],
            ),
        ],
    );
}

#[test]
fn a_units_heads_and_organs_written_bare_are_the_units() {
    check(
        "unit heads and organs",
        &[
            // 院长 with no body in a hospital's report; 纪委 after 院党委 is the hospital's.
            (
                "益阳市第三人民医院召开会议。院党委书记许文涛讲话，院长柯立群主持。院党委副书记、纪委书记钱佳怡出席。",
                &[
                    "role:柯立群|院长|益阳市第三人民医院",
                    "role:钱佳怡|书记|益阳市第三人民医院纪委",
                    "org:益阳市第三人民医院纪委",
                ],
                &["org:中共益阳市纪律检查委员会"],
            ),
            // 总经理 with no body in a company's report; the group's union; a branch's posts.
            (
                "青岚建工集团有限公司召开会议。总经理余振邦主持，集团工会主席陶文远，集团所属青岚路桥工程有限公司党支部书记、经理方明远出席。",
                &[
                    "role:余振邦|总经理|青岚建工集团有限公司",
                    "role:陶文远|主席|青岚建工集团有限公司工会",
                    "role:方明远|党支部书记|青岚路桥工程有限公司",
                    "role:方明远|经理|青岚路桥工程有限公司",
                ],
                &[],
            ),
            // A court's report names its divisions bare: they are the court's.
            (
                "益阳市中级人民法院召开审判委员会会议。执行局局长钟立伟、民事审判庭庭长傅晓明列席。",
                &[
                    "role:钟立伟|局长|益阳市中级人民法院执行局",
                    "role:傅晓明|庭长|益阳市中级人民法院民事审判庭",
                ],
                &["org:执行局"],
            ),
            // The court's kind char before a division (院执行局) is the court; judges' ranks are
            // posts of the court whose report names them bare, and no committee's.
            (
                "益阳市中级人民法院召开会议。院执行局局长钟立伟、审判委员会专职委员傅晓明，四级高级法官钱佳怡列席。",
                &["role:钟立伟|局长|益阳市中级人民法院执行局", "role:钱佳怡|四级高级法官|益阳市中级人民法院"],
                &["org:益阳市中级人民法院院执行局", "role:钱佳怡|四级高级法官|益阳市中级人民法院审判委员会"],
            ),
            // A group's short name is its full name without region and legal form; a division
            // after the group's kind word is the group's.
            (
                "湖南青岚建工集团有限公司召开会议。青岚建工集团党委书记余振邦讲话，集团安全环保部部长陶文远发言。",
                &["role:余振邦|党委书记|湖南青岚建工集团有限公司", "role:陶文远|部长|湖南青岚建工集团有限公司安全环保部"],
                &["org:青岚建工集团", "org:集团安全环保部"],
            ),
            // In a city's report a bare division is no unit's.
            ("某某市召开会议。执行局局长钟立伟列席。", &[], &["role:钟立伟|局长|益阳市中级人民法院执行局"]),
            // A unit's report: 党委委员 is a post of the unit, and the 纪委 after it the unit's;
            // with no unit named, neither is the region's.
            (
                "平江县人民医院召开会议。党委委员、纪委书记钱佳怡，党委委员、副院长柯立群出席。",
                &[
                    "role:钱佳怡|党委委员|平江县人民医院",
                    "role:钱佳怡|书记|平江县人民医院纪委",
                    "role:柯立群|党委委员|平江县人民医院",
                    "role:柯立群|副院长|平江县人民医院",
                ],
                &["org:纪委"],
            ),
            ("某某县召开会议。党委委员、纪委书记钱佳怡出席。", &["role:钱佳怡|书记|-"], &["org:纪委"]),
            // A university's report names its party school bare (党校常务副校长).
            (
                "枫溪理工大学召开会议。党委组织部部长、党校常务副校长林可欣宣读决定。",
                &["role:林可欣|常务副校长|枫溪理工大学党校"],
                &["org:党校"],
            ),
            // 学校 stands for the university the report names.
            (
                "枫溪理工大学与某某市签署协议。学校副校长邹海林、学校党委常委金晓梅出席。",
                &["role:邹海林|副校长|枫溪理工大学", "role:金晓梅|党委常委|枫溪理工大学"],
                &["org:学校"],
            ),
            // A forest farm's 场长 after 林场; a county company after the county government is
            // no part of it.
            (
                "近日，桃江县青松岭国有林场召开会议。林场场长钟建明汇报。县政府党组成员、县城投公司董事长谢文斌出席。",
                &["role:钟建明|场长|桃江县青松岭国有林场", "role:谢文斌|董事长|县城投公司"],
                &["role:谢文斌|董事长|县政府县城投公司"],
            ),
            // An enterprise's own posts written bare (副经理, 安全总监) in its report are its;
            // its stations (供电所) are bodies.
            (
                "国网青禾县供电公司召开会议。公司党委书记、经理邓立群讲话，副经理韩明远主持，安全总监武振邦作报告。城关供电所所长祝文斌发言。",
                &[
                    "role:韩明远|副经理|国网青禾县供电公司",
                    "role:武振邦|安全总监|国网青禾县供电公司",
                    "role:祝文斌|所长|城关供电所",
                ],
                &["role:韩明远|副经理|-"],
            ),
            // Words of a post's field after the body (职工食堂, 生鲜采购) leave the post the body's;
            // an unread body before a bare 经理 is not the report's company.
            (
                "青禾物业发展有限公司召开会议。近日，青禾百货超市生鲜采购经理戚明远、青禾物业发展有限公司职工食堂经理阎文斌到村收购。",
                &["role:戚明远|经理|青禾百货超市", "role:阎文斌|经理|青禾物业发展有限公司"],
                &["role:戚明远|经理|青禾物业发展有限公司"],
            ),
            // With no unit named, a bare 院长 has no body; 院 never stands for the State Council.
            ("国务院召开会议。院长钟立伟出席。", &["role:钟立伟|院长|-"], &["role:钟立伟|院长|中华人民共和国国务院"]),
        ],
    );
}

#[test]
fn development_zones_go_by_short_names_and_their_committees() {
    check(
        "zones",
        &[(
            "青禾经济技术开发区召开会议。青禾经开区党工委书记、管委会主任杜志远讲话，党工委副书记、管委会副主任贺丽君主持。",
            &[
                "role:杜志远|书记|中共青禾经济技术开发区工作委员会",
                "role:杜志远|主任|青禾经济技术开发区",
                "role:贺丽君|副书记|中共青禾经济技术开发区工作委员会",
                "role:贺丽君|副主任|青禾经济技术开发区",
            ],
            &["org:管委会", "org:党工委"],
        )],
    );
}

#[test]
fn a_zone_named_by_a_level_word_is_the_reports_regions() {
    check(
        "zones of the report's region",
        &[
            (
                "平江县召开会议。县政府党组成员、县工业园区管委会主任林可欣出席。",
                &["role:林可欣|主任|平江县工业园区"],
                &["org:县工业园区"],
            ),
            (
                "常德市召开会议。市经开区党工委书记林可欣出席。",
                &["role:林可欣|书记|中共常德经济技术开发区工作委员会"],
                &[],
            ),
        ],
    );
}

#[test]
fn names_after_honours_and_occupations_are_persons() {
    check(
        "honours and occupations",
        &[
            ("全国劳动模范祁文海发言。", &["person:祁文海", "attends:祁文海|spoke"], &["person:劳动模范王"]),
            ("种植大户刘春生介绍经验。", &["person:刘春生"], &[]),
            ("老党员张德福讲述了入党经历。", &["person:张德福"], &[]),
            ("公司技术总监黄立民介绍情况。", &["role:黄立民|技术总监|-"], &["role:黄立民|总监|-"]),
        ],
    );
}

#[test]
fn a_further_event_of_the_day_is_a_meeting_of_its_own() {
    check(
        "further events",
        &[
            (
                "11月29日，平江县委书记黄志刚主持召开县委常委会会议。当天下午，黄志刚还主持召开县委全面深化改革委员会第十次会议。",
                &[
                    "meeting:县委常委会会议",
                    "meeting:县委全面深化改革委员会第十次会议",
                    "org:中共平江县委员会全面深化改革委员会",
                ],
                &[],
            ),
            // A meeting only spoken of stays out.
            (
                "11月29日，县委书记黄志刚主持召开县委常委会会议，传达学习全省经济工作会议精神。",
                &["meeting:县委常委会会议"],
                &["meeting:全省经济工作会议"],
            ),
        ],
    );
}

#[test]
fn a_deputys_posts_further_on_in_the_sentence_are_of_the_same_body() {
    check(
        "deputies",
        &[
            (
                "会议召开。抚州市卫生健康委员会党组书记、主任曾志明出席会议并讲话，党组成员、副主任熊丽华主持会议。",
                &["role:熊丽华|党组成员|抚州市卫生健康委员会", "role:熊丽华|副主任|抚州市卫生健康委员会"],
                &[],
            ),
            // A post of another family takes no body from the earlier chain.
            (
                "会议召开。抚州市卫生健康委员会主任曾志明出席会议并讲话，秘书长熊丽华主持会议。",
                &["role:熊丽华|秘书长|-"],
                &["role:熊丽华|秘书长|抚州市卫生健康委员会"],
            ),
            // A city's central hospital by its level word.
            ("抚州市召开会议。市中心医院院长吕建国发言。", &["role:吕建国|院长|抚州市中心医院"], &[]),
        ],
    );
}

#[test]
fn league_committees_and_department_party_committees_are_named_in_full() {
    check(
        "league and department committees",
        &[
            // 团市委: the league's committee of the report's city, written with 团 before the level word.
            ("抚州市召开会议。团市委书记宁晓燕发言。", &["role:宁晓燕|书记|共青团抚州市委员会"], &["org:团市委"]),
            (
                "抚州市南城县召开会议。共青团南城县委书记宁晓燕发言。",
                &["role:宁晓燕|书记|共青团南城县委员会"],
                &["role:宁晓燕|书记|中共南城县委员会"],
            ),
            // A bureau's party committee: its posts are the bureau's, the committee is named after it.
            (
                "抚州市召开会议。市公安局党委书记、局长柴立军讲话。",
                &["role:柴立军|党委书记|抚州市公安局", "role:柴立军|局长|抚州市公安局", "org:抚州市公安局党委"],
                &["org:市公安局党委"],
            ),
            // A party organ written bare before its post: the post keeps the organ, the body is
            // the unit of the chain or of the chain before.
            (
                "抚州市召开会议。市公安局党委书记、局长柴立军讲话，党委副书记、副局长邹海出席。",
                &["role:邹海|党委副书记|抚州市公安局", "role:邹海|副局长|抚州市公安局"],
                &[],
            ),
            (
                "益阳市第三人民医院召开会议。院党委书记许文涛讲话，党委副书记、院长柯立群主持。",
                &["role:柯立群|党委副书记|益阳市第三人民医院", "role:柯立群|院长|益阳市第三人民医院"],
                &[],
            ),
            // Departments listed after a body of the region are that region's.
            (
                "会议召开。岳阳市发改委、教育局、科技局负责同志参加活动。",
                &["org:岳阳市发展和改革委员会", "org:岳阳市教育局", "org:岳阳市科学技术局"],
                &[],
            ),
            // A central bank branch with its region.
            ("抚州市召开会议。人民银行抚州市分行行长范立明出席。", &["role:范立明|行长|中国人民银行抚州市分行"], &[]),
        ],
    );
}

#[test]
fn a_hospital_divisions_heads_and_names_jieba_tags_oddly() {
    check(
        "hospital divisions",
        &[
            // 某科主任: 主任 of the division, filed under the hospital of the report.
            (
                "抚州市第一人民医院召开会议。心血管内科主任许立群、儿科副主任许文涛发言。",
                &[
                    "person:许立群",
                    "role:许立群|主任|抚州市第一人民医院心血管内科",
                    "role:许文涛|副主任|抚州市第一人民医院儿科",
                ],
                &["role:许立群|科主任|-"],
            ),
            // A procuratorate's and a court's heads and party-group posts written bare.
            (
                "桃江县人民检察院召开党组会议。检察长、党组书记熊立军主持，副检察长刘晓梅出席。",
                &[
                    "role:熊立军|检察长|桃江县人民检察院",
                    "role:熊立军|党组书记|桃江县人民检察院",
                    "role:刘晓梅|副检察长|桃江县人民检察院",
                ],
                &[],
            ),
            (
                "益阳市中级人民法院召开会议。党组书记、院长钟立伟主持。",
                &["role:钟立伟|党组书记|益阳市中级人民法院", "role:钟立伟|院长|益阳市中级人民法院"],
                &[],
            ),
            // A unit's report names its party posts bare: the unit's; a city's report does not.
            (
                "枫溪理工大学召开会议。党委书记孔德明主持，校长陈立峰出席。",
                &["role:孔德明|党委书记|枫溪理工大学", "role:陈立峰|校长|枫溪理工大学"],
                &[],
            ),
            ("抚州市召开会议。党委书记孔德明主持。", &["role:孔德明|党委书记|-"], &[]),
            // A stationed discipline inspection group's head: 组长 of the group named before it.
            (
                "平江县召开会议。县纪委监委驻县教育局纪检监察组组长胡志强出席。",
                &["role:胡志强|组长|县纪委监委驻县教育局纪检监察组"],
                &["role:胡志强|纪检监察组组长|县纪委监委驻县教育局"],
            ),
            ("纪检监察组组长胡志强出席。", &["role:胡志强|纪检监察组组长|-"], &[]),
            // 科主任 written alone stays the title.
            ("科主任许文涛发言。", &["role:许文涛|科主任|-"], &[]),
        ],
    );
}

#[test]
fn clauses_around_bodies_are_no_part_of_their_names() {
    check(
        "clause edges",
        &[
            // 在 before a place: the subject before it organises, the place is no body's name.
            ("随后，考察组在研究所召开科技成果转化座谈会，相关人员参加。", &[], &["org:考察组在研究所"]),
            // A clause that names the meeting itself has no organizer as its subject.
            (
                "5月6日，青岚建工集团有限公司2025年年中工作会议在集团总部召开。",
                &["org:青岚建工集团有限公司"],
                &["org:青岚建工集团有限公司2025年年中工作会议在集团总部"],
            ),
            // Words that introduce the persons of a list are no part of the next body.
            (
                "会议选举青岚路桥工程有限公司总经理方明远为副会长。",
                &["role:方明远|总经理|青岚路桥工程有限公司"],
                &["org:会议选举青岚路桥工程有限公司"],
            ),
            // 和 and a level word after a body join another body: not the county 和县.
            (
                "平江县检察院召开会议。要落实最高人民检察院和县委部署，县法院和县检察院负责人出席。",
                &["org:中共平江县委员会"],
                &["org:中共和县委员会", "org:和县人民法院"],
            ),
            // The county itself, named after its province.
            ("安徽省和县召开会议。县委书记林永康出席。", &["role:林永康|书记|中共和县委员会"], &[]),
        ],
    );
}

#[test]
fn minority_names_function_word_surnames_and_court_divisions() {
    check(
        "names and court divisions",
        &[
            // Tibetan and Mongolian names of four chars after a title.
            (
                "青岚矿业有限公司总经理格桑次仁、副总经理巴雅朝鲁出席。",
                &["person:格桑次仁", "person:巴雅朝鲁", "role:格桑次仁|总经理|青岚矿业有限公司"],
                &[],
            ),
            // 向 starts a name after a title when a comma closes three chars; 和 never does.
            (
                "青岚矿业有限公司董事长、党委书记向晓川，总经理罗文斌出席。",
                &["person:向晓川", "role:向晓川|董事长|青岚矿业有限公司"],
                &[],
            ),
            ("会议邀请市委书记和县长，各部门负责人参加。", &[], &["person:和县长"]),
            // A Tibetan name in a list after a title shares the chain; the list's next chain
            // without a body is of the same body.
            (
                "青海省人大常委会副主任刘立春、尕藏才让、马秀芬，秘书长李文举出席会议。",
                &[
                    "role:尕藏才让|副主任|青海省人民代表大会常务委员会",
                    "role:马秀芬|副主任|青海省人民代表大会常务委员会",
                    "role:李文举|秘书长|青海省人民代表大会常务委员会",
                ],
                &[],
            ),
            // A dotted name ends before a verb that is no transliteration (…·买买提|作).
            ("青禾镇党委书记阿依古丽·吐尔洪作表态发言。", &["person:阿依古丽·吐尔洪"], &["person:阿依古丽·吐尔洪作"]),
            // A title after a numeral-like word is no name (总统多次).
            ("某国总统多次表示支持合作。", &[], &["person:多次"]),
            // A court's report: committee members and short division names.
            (
                "益阳市中级人民法院召开会议。审判委员会专职委员蒋丽华、民一庭庭长苏志明发言。",
                &[
                    "role:蒋丽华|专职委员|益阳市中级人民法院审判委员会",
                    "role:苏志明|庭长|益阳市中级人民法院民事审判第一庭",
                ],
                &[],
            ),
        ],
    );
}

#[test]
fn a_township_named_with_a_level_char_and_its_bare_organs() {
    check(
        "township organs",
        &[
            // A township whose name holds a level char (新市镇 is no city), found from the
            // headline and the first sentence; its 纪委 and 武装部 written bare after its 党委.
            (
                "南市镇召开工作会议。7月9日，南市镇党委、镇政府召开会议。镇党委副书记、镇长陆文涛主持，镇党委委员、纪委书记钱丽娟，镇党委委员、武装部部长褚志宏出席。",
                &[
                    "role:陆文涛|镇长|南市镇人民政府",
                    "role:钱丽娟|书记|中共南市镇纪律检查委员会",
                    "role:褚志宏|部长|南市镇人民武装部",
                ],
                &["role:陆文涛|镇长|中共南市镇委员会"],
            ),
            // A township's first char cut off by a numeral reading (五|竹镇).
            ("在五竹镇石桥村电子商务服务点，村民正在选购。", &["org:五竹镇石桥村电子商务服务点"], &[]),
        ],
    );
}

#[test]
fn a_visiting_delegation_and_the_next_item_of_a_list() {
    check(
        "delegations and lists",
        &[
            // The host city's report: the visitors' 党政代表团 weighs little; the next item of a
            // list of chains speaks of the region of the item before.
            (
                "贵州省铜仁市党政代表团来我市考察。铜仁市委书记杨立川、铜仁市委副书记、市长吴文静率团。苏州市委书记朱立强，市委副书记、市长顾明轩会见代表团一行，市政府秘书长钱志勇参加。",
                &[
                    "role:顾明轩|副书记|中共苏州市委员会",
                    "role:顾明轩|市长|苏州市人民政府",
                    "role:钱志勇|秘书长|苏州市人民政府",
                ],
                &["role:顾明轩|市长|铜仁市人民政府"],
            ),
        ],
    );
}

#[test]
fn units_organs_and_academic_names() {
    check(
        "unit organs and academic names",
        &[
            // Disciplines joined by 与 make one academic unit's name.
            (
                "青禾理工大学召开会议。计算机科学与技术学院院长张文斌、材料科学与工程学院党委书记赵小红汇报工作。",
                &[
                    "role:张文斌|院长|青禾理工大学计算机科学与技术学院",
                    "role:赵小红|党委书记|青禾理工大学材料科学与工程学院",
                ],
                &["role:张文斌|院长|技术学院", "role:赵小红|党委书记|工程学院"],
            ),
            // A union written bare after the unit's party committee is the unit's union.
            (
                "华岳能源集团有限公司召开大会。集团党委副书记、工会主席周海涛主持会议。",
                &["role:周海涛|党委副书记|华岳能源集团有限公司", "role:周海涛|主席|华岳能源集团有限公司工会"],
                &[],
            ),
            // A county has its party committee's education work committee too.
            (
                "平江县委常委、教育工委书记林可欣出席。",
                &["role:林可欣|书记|中共平江县委员会教育工作委员会"],
                &["role:林可欣|书记|中共岳阳市委员会教育工作委员会"],
            ),
            // A community's committees: 区党委 is never read from inside 社区; the bare 居委会
            // after the community's party committee is the community's.
            (
                "会上，青禾社区党委书记、居委会主任陆晓彤作交流发言。",
                &["role:陆晓彤|书记|青禾社区党委", "role:陆晓彤|主任|青禾社区居委会"],
                &["org:区党委", "org:居委会"],
            ),
            ("居委会主任钱立新参加会议。", &["role:钱立新|主任|-"], &["org:居委会"]),
            // A deputy of a congress and a member of a CPPCC hold posts there; a group's
            // 代表 is no post.
            (
                "平江县召开座谈会。青禾竹业有限公司董事长、县人大代表林可欣，县政协委员周立明，企业代表钱小燕发言。",
                &[
                    "role:林可欣|代表|平江县人民代表大会",
                    "role:周立明|委员|中国人民政治协商会议平江县委员会",
                    "role:林可欣|董事长|青禾竹业有限公司",
                ],
                &["role:钱小燕|代表|-"],
            ),
            // Standard county bodies by their usual short names (综治中心, 文广旅体局).
            (
                "平江县召开会议。县综治中心主任林可欣、县文广旅体局局长周立明发言。",
                &["role:林可欣|主任|平江县社会治安综合治理中心", "role:周立明|局长|平江县文化和广电旅游体育局"],
                &[],
            ),
            // A body right before a title is no name (区政协|副主席).
            (
                "某区政协召开座谈会。区政协主席孙国平出席并讲话，区政协副主席钱小燕主持。",
                &["person:钱小燕", "person:孙国平"],
                &["person:区政协"],
            ),
        ],
    );
}

#[test]
fn a_townships_bodies_carry_its_county() {
    check(
        "townships with their county",
        &[
            (
                "近日，平江县青禾镇召开会议。镇党委书记林可欣出席，镇党委副书记、镇长周立明主持。",
                &[
                    "role:林可欣|书记|中共平江县青禾镇委员会",
                    "role:周立明|副书记|中共平江县青禾镇委员会",
                    "role:周立明|镇长|平江县青禾镇人民政府",
                ],
                &["role:林可欣|书记|中共青禾镇委员会"],
            ),
            // The township's party committee by its shape (青禾镇党委) is the one composed from
            // the township: one body, not two.
            (
                "近日，平江县召开会议。青禾镇党委书记林可欣出席，青禾镇镇长周立明主持。",
                &["role:林可欣|书记|中共平江县青禾镇委员会", "role:周立明|镇长|平江县青禾镇人民政府"],
                &["org:青禾镇党委"],
            ),
            // The township's organs named bare in running text, and its units named with its
            // bare level word.
            (
                "近日，平江县青禾镇召开会议。镇农业服务中心主任周立明出席。镇纪委要加强监督。",
                &["org:中共平江县青禾镇纪律检查委员会", "role:周立明|主任|平江县青禾镇农业服务中心"],
                &["org:镇农业服务中心"],
            ),
            // A street's office is an agency of the district government, and is written bare
            // after the street's party working committee.
            (
                "近日，历下区青禾街道召开推进会。街道党工委书记林可欣出席，街道党工委副书记、办事处主任周立明主持。",
                &[
                    "role:林可欣|书记|中共济南市历下区青禾街道工作委员会",
                    "role:周立明|副书记|中共济南市历下区青禾街道工作委员会",
                    "role:周立明|主任|济南市历下区人民政府青禾街道办事处",
                ],
                &["role:周立明|主任|-"],
            ),
        ],
    );
}

#[test]
fn names_and_bodies_at_their_edges() {
    check(
        "edges",
        &[
            // A region in brackets inside a company's name.
            (
                "会上，青禾能源（江西）有限公司董事长冯立新、总经理刘一鸣先后发言。",
                &["role:冯立新|董事长|青禾能源（江西）有限公司", "role:刘一鸣|总经理|青禾能源（江西）有限公司"],
                &["role:冯立新|董事长|有限公司"],
            ),
            // 兰 is a surname; a county's name without 县 before an absent trigger is a place.
            (
                "护理部主任兰海燕出席。为贯彻总书记兰考重要讲话精神，院长王立出席。",
                &["person:兰海燕", "person:王立"],
                &["person:兰考"],
            ),
            // 和 ends a given name where punctuation follows.
            ("院长张明和，副院长李立出席。", &["person:张明和", "person:李立"], &["person:张明"]),
            ("院长张明和副院长李立出席。", &["person:张明", "person:李立"], &["person:张明和"]),
        ],
    );
}

#[test]
fn names_around_their_titles() {
    check(
        "names around titles",
        &[
            // 和 before a trigger verb joins nothing: it ends the name.
            (
                "厅长杨立和出席会议并讲话，副厅长许文主持。",
                &["person:杨立和", "attends:杨立和|spoke"],
                &["person:杨立"],
            ),
            // Mongolian names are written in transliteration syllables.
            ("旗委副书记、旗长乌云其木格出席会议。", &["person:乌云其木格"], &[]),
            // A note in brackets between a title and the name.
            ("县委常委、副县长（挂职）黄启明参加会见。", &["person:黄启明", "role:黄启明|副县长|-"], &[]),
            // Words of the territorial system and counted titles are no names.
            (
                "要落实县级领导包乡镇、乡镇干部包村的责任体系。会议应到委员228名，实到206名。",
                &[],
                &["person:包乡镇", "person:包村", "person:应到"],
            ),
        ],
    );
}

#[test]
fn posts_given_by_name() {
    check(
        "appointments",
        &[
            // A standing committee's appointments and removals.
            (
                "平江县人大常委会召开会议。会议决定任命林可欣为平江县农业农村局局长，免去周立明的平江县水务局局长职务。",
                &["role:林可欣|局长|平江县农业农村局", "role:周立明|局长|平江县水务局"],
                &[],
            ),
            // A minority name in the list of names appointed (阿某某 has no Chinese surname).
            (
                "民盟株洲市委召开全委会议。会议增补林可欣、阿茹雅为民盟株洲市第九届委员会委员。",
                &["role:林可欣|委员|中国民主同盟株洲市委员会", "role:阿茹雅|委员|中国民主同盟株洲市委员会"],
                &[],
            ),
            // Members added or elected later (增补, 补选) hold the post too.
            (
                "平江县政协召开常委会议。会议协商通过了增补钱佳怡为县政协委员的决定，补选柯立群为平江县人大常委会委员。",
                &[
                    "role:钱佳怡|委员|中国人民政治协商会议平江县委员会",
                    "role:柯立群|委员|平江县人民代表大会常务委员会",
                ],
                &[],
            ),
            // Elections at an association's general meeting: its officers, listed too.
            (
                "青禾市新材料商会召开换届大会。某某公司董事长许明远当选会长，洪文涛、蔡雅丽等6人当选副会长，林俊一当选秘书长。",
                &[
                    "role:许明远|会长|青禾市新材料商会",
                    "role:洪文涛|副会长|青禾市新材料商会",
                    "role:蔡雅丽|副会长|青禾市新材料商会",
                    "role:林俊一|秘书长|青禾市新材料商会",
                ],
                &[],
            ),
            // No name before the verb: nothing given.
            ("会议选举产生了新一届领导班子。", &[], &["person:产生了"]),
        ],
    );
}

#[test]
fn an_autonomous_county_by_its_short_name() {
    check(
        "autonomous counties",
        &[(
            "三江县领导会见来访客人。县委书记林可欣出席，县委副书记、县长周立明主持。",
            &["role:林可欣|书记|中共三江侗族自治县委员会", "role:周立明|县长|三江侗族自治县人民政府"],
            &["role:周立明|县长|-"],
        )],
    );
}

#[test]
fn adverbs_before_a_trigger_and_research_sections() {
    check(
        "adverbs and sections",
        &[
            ("市人民检察院党组成员、副检察长刘晓川依法列席会议。", &["person:刘晓川", "attends:刘晓川|attended"], &[]),
            (
                "青禾研究所召开会议。冻土与寒区水文研究室主任姜宏达汇报工作。",
                &["role:姜宏达|主任|冻土与寒区水文研究室"],
                &["role:姜宏达|主任|寒区水文研究室"],
            ),
        ],
    );
}

#[test]
fn cooperatives_banks_and_deputies() {
    check(
        "cooperatives, banks, deputies",
        &[
            (
                "座谈会上，平江县青禾农牧业专业合作社理事长韩冬青，某银行平江支行行长温立新先后发言。",
                &["role:韩冬青|理事长|平江县青禾农牧业专业合作社", "role:温立新|行长|某银行平江支行"],
                &["role:韩冬青|理事长|-"],
            ),
            // A deputy named next holds the post in the head's body, not in the last body named.
            (
                "学术委员会主任、中国科学院院士沈立和，副主任、研究员戚文涛出席会议。",
                &["role:戚文涛|副主任|学术委员会", "role:戚文涛|研究员|-"],
                &["role:戚文涛|副主任|中国科学院", "role:戚文涛|研究员|学术委员会"],
            ),
        ],
    );
}

#[test]
fn a_units_bare_union_in_its_own_report() {
    check(
        "bare union",
        &[(
            "华岳能源集团有限公司召开职工代表大会。党委副书记、工会主席苗淑兰主持会议。",
            &["role:苗淑兰|党委副书记|华岳能源集团有限公司", "role:苗淑兰|主席|华岳能源集团有限公司工会"],
            &["role:苗淑兰|党委副书记|工会", "role:苗淑兰|主席|工会"],
        )],
    );
}

#[test]
fn a_zones_committee_after_its_party_working_committee() {
    check(
        "zones",
        &[(
            "青禾市召开会议。青禾经开区党工委书记、管委会主任陈明远出席。",
            &["role:陈明远|主任|青禾经济技术开发区"],
            &["role:陈明远|主任|-"],
        )],
    );
}

#[test]
fn words_cut_wrong_are_no_names_and_arbitration_bodies() {
    check(
        "cut words",
        &[(
            "1月12日，区人社局召开年度工作总结会。局长林可欣作工作报告，区劳动人事争议仲裁院院长钱小燕发言。",
            &["person:林可欣", "role:钱小燕|院长|区劳动人事争议仲裁院"],
            &["person:年度工"],
        )],
    );
}

#[test]
fn county_departments_of_merged_names_and_zones_by_short_name() {
    check(
        "county departments and zones",
        &[
            // Departments merged from two (审批服务, 教育体育, 科技和工信) go by their short forms.
            (
                "平江县召开会议。县行政审批服务局局长林可欣、县教体局局长周立明出席。",
                &["role:林可欣|局长|平江县行政审批服务局", "role:周立明|局长|平江县教育体育局"],
                &[],
            ),
            // A zone's short name (经开区) with its committee, in a list of bodies, no post after it.
            (
                "平江县召开会议。会上，青禾经开区管委会、县发改局负责人作交流发言。",
                &["org:青禾经济技术开发区", "org:平江县发展和改革局"],
                &[],
            ),
        ],
    );
}

#[test]
fn whole_tiers_categories_and_tibetan_names_of_two_parts() {
    check(
        "tiers, categories, names",
        &[
            // 全市法院 is every court of the city, not a body of its own.
            (
                "株洲市中级人民法院召开会议。院长林可欣强调，全市法院要提高审判质效。",
                &["role:林可欣|院长|株洲市中级人民法院"],
                &["org:株洲市人民法院"],
            ),
            // 市委办公楼 is a building: no office named.
            (
                "株洲市召开会议。市委书记林可欣在市委办公楼会见了客人。",
                &["role:林可欣|书记|中共株洲市委员会"],
                &["org:中共株洲市委员会办公室"],
            ),
            // 等级医院 is a class of hospitals: the department before it is the body named.
            (
                "平江县人民医院召开会议。院长林可欣要求各科室对照省卫健委等级医院评审标准查漏补缺。",
                &["org:湖南省卫生健康委员会"],
                &["org:省卫健委等级医院"],
            ),
            // A Tibetan name of two parts (才让 + 东周) after a title.
            (
                "西宁市召开会议。城东区人民法院院长才让东周作交流发言。",
                &["person:才让东周", "attends:才让东周|spoke"],
                &[],
            ),
        ],
    );
}

#[test]
fn party_departments_in_a_chain_office_short_names_and_arrangements_given() {
    check(
        "departments and arrangements",
        &[
            // 统战部 after 县委常委 is the county committee's united front department, whose
            // short name is written on the committee's short name (某县委统战部).
            (
                "平江县召开会议。县委常委、统战部部长林可欣出席。",
                &["role:林可欣|部长|中共平江县委员会统一战线工作部"],
                &["org:中共平江县委员会统战部"],
            ),
            // 区府办 is the district government's office.
            ("鄞州区召开会议。区委办、区府办主要负责人列席会议。", &["org:宁波市鄞州区人民政府办公室"], &[]),
            // So is 进行…部署/总结.
            ("平江县召开推进会。县长林可欣对下一步工作进行了安排部署。", &["attends:林可欣|spoke"], &[]),
            // 作…安排/部署 at a meeting is speaking.
            ("平江县召开推进会。副县长林可欣对下半年重点工作作具体安排。", &["attends:林可欣|spoke"], &[]),
        ],
    );
}

#[test]
fn a_meeting_named_in_brackets_and_spelled_out_after_its_headline() {
    check_reports(
        "meeting names",
        &[(
            "民盟株洲市委召开九届三次全委（扩大）会议\n\n1月6日，民盟株洲市委召开九届三次全体委员（扩大）会议。主委林可欣作工作报告。\n",
            &["meeting:九届三次全体委员（扩大）会议"],
            &["meeting:民盟株洲市委召开九届三次全委（扩大）会议"],
        )],
    );
    // 召开 inside the words after another verb starts the name anew (检查|组召开座谈会).
    check(
        "meeting names",
        &[(
            "6月5日上午，执法检查组召开座谈会，听取市政府有关情况汇报。",
            &["meeting:座谈会"],
            &["meeting:组召开座谈会"],
        )],
    );
}

#[test]
fn a_universitys_report_names_its_schools_and_party_departments_bare() {
    check(
        "university parts",
        &[(
            "青川理工大学召开会议。机械工程学院党委书记林可欣、校党委组织部部长周立明、湖南师范学院院长钱佳怡发言。",
            &[
                "role:林可欣|党委书记|青川理工大学机械工程学院",
                "role:周立明|部长|青川理工大学党委组织部",
                "role:钱佳怡|院长|湖南师范学院",
            ],
            &["org:青川理工大学湖南师范学院"],
        )],
    );
}

#[test]
fn a_brand_char_jieba_tags_as_a_numeral_is_part_of_the_name() {
    // jieba tags 丝 as a numeral: it writes no number, so it is no boundary of the name.
    check(
        "coined names",
        &[("他来到湖南丝泉科技有限公司，实地察看生产情况。", &["org:湖南丝泉科技有限公司"], &["org:泉科技有限公司"])],
    );
}

#[test]
fn a_bodys_office_written_bare_after_it_in_a_chain() {
    check(
        "bare office",
        &[
            (
                "平江县召开会议。县委常委、办公室主任林可欣，县政府党组成员、办公室主任周立明陪同。",
                &[
                    "role:林可欣|常委|中共平江县委员会",
                    "role:林可欣|主任|中共平江县委员会办公室",
                    "role:周立明|党组成员|平江县人民政府",
                    "role:周立明|主任|平江县人民政府办公室",
                ],
                &["role:林可欣|主任|-"],
            ),
            // With no body before it, the office is no one's.
            ("平江县召开会议。办公室主任林可欣陪同。", &["role:林可欣|主任|-"], &["org:办公室"]),
        ],
    );
}

#[test]
fn group_members_after_a_word_of_belonging_and_abbreviated_group_names() {
    check(
        "groups",
        &[
            // 下属 ends the words before a member body's name.
            (
                "青岚城市建设投资集团有限公司召开会议。集团下属青岚置业有限公司负责人作表态发言。",
                &["org:青岚置业有限公司"],
                &[],
            ),
            // 青岚城建集团 keeps chars of each word of 青岚城市建设投资集团: the same body.
            (
                "青岚城建集团召开会议。青岚城市建设投资集团有限公司党委书记林可欣讲话。",
                &["org:青岚城市建设投资集团有限公司"],
                &["org:青岚城建集团"],
            ),
            // One word left out names another body (某省科学院 beside 某省社会科学院).
            ("湖南省科学院、湖南省社会科学院负责同志参加会议。", &["org:湖南省科学院", "org:湖南省社会科学院"], &[]),
        ],
    );
}

#[test]
fn a_list_of_attendees_opened_by_a_clause_with_a_collective_label() {
    check(
        "list openers",
        &[
            (
                "平江县召开会议。出席会议的县领导有林可欣、周立明、钱佳怡。",
                &["attends:林可欣|attended", "attends:周立明|attended", "attends:钱佳怡|attended"],
                &[],
            ),
            (
                "平江县召开会议。参加调研的市领导还有林可欣、周立明。",
                &["attends:林可欣|attended", "attends:周立明|attended"],
                &[],
            ),
        ],
    );
}

#[test]
fn village_branches_and_reports_on_duties() {
    check(
        "villages and duty reports",
        &[(
            "近日，平江县青禾乡召开村级党组织书记述职评议会。石桥村党支部书记林可欣，白沙村党总支书记周立明等村党组织书记逐一述职。",
            &[
                "role:周立明|书记|白沙村党总支",
                "role:林可欣|书记|石桥村党支部",
                "attends:周立明|spoke",
                "attends:林可欣|spoke",
                "meeting:村级党组织书记述职评议会",
            ],
            &["role:周立明|党总支书记|-"],
        )],
    );
}
