"""Services of the vertical offices (tax, customs, immigration, police, religious affairs, social security)
and of the state/regional companies (water utility, regional bank, post) at MPP Kota Probolinggo."""

from .catalogue_common import PDF, PHOTO, req, service, step

_KTP = req("KTP-el", "Pindaian KTP-el pemohon.")
_KK = req("Kartu Keluarga", "Pindaian Kartu Keluarga terbaru.")


def _one_day(receive: str, process: str, hand_over: str, process_role: str = "officer") -> list[dict]:
    return [
        step(receive, "front_office", 0),
        step(process, process_role, 1),
        step(hand_over, "front_office", 0),
    ]


# =========================================================================== KPP Pratama
KPP = "kpp-pratama"
_KUP_LAW = (
    "UU 6/1983 tentang Ketentuan Umum dan Tata Cara Perpajakan sebagaimana telah beberapa kali diubah, "
    "terakhir dengan UU 6/2023; UU 7/2021 tentang Harmonisasi Peraturan Perpajakan; PMK 81/2024 tentang "
    "Ketentuan Perpajakan dalam rangka Pelaksanaan Sistem Inti Administrasi Perpajakan"
)

KPP_SERVICES = [
    service(
        "NPWP-OP",
        KPP,
        "pajak-retribusi",
        "Pendaftaran NPWP Orang Pribadi dan Pemadanan NIK sebagai NPWP",
        "Taxpayer registration for individuals (NIK as tax number)",
        is_permit=False,
        description="Pendaftaran wajib pajak orang pribadi, termasuk pelaku UMKM, dan pemadanan NIK agar dapat digunakan sebagai NPWP di Coretax DJP.",
        keywords="npwp daftar npwp nik npwp pajak pribadi umkm coretax",
        days=1,
        product="NPWP (NIK yang telah teraktivasi sebagai NPWP) dan kartu NPWP elektronik.",
        procedure="Petugas memverifikasi identitas dan membantu pendaftaran di Coretax DJP; NPWP terbit setelah data tervalidasi dengan data kependudukan.",
        legal_basis=f"{_KUP_LAW}.",
        requirements=[
            _KTP,
            req(
                "Surat keterangan kegiatan usaha atau NIB",
                "Bagi wajib pajak yang menjalankan usaha.",
                mandatory=False,
            ),
        ],
        steps=_one_day(
            "Penerimaan dan verifikasi identitas",
            "Pendaftaran dan validasi data di Coretax DJP",
            "Penyerahan NPWP dan penjelasan kewajiban perpajakan",
        ),
    ),
    service(
        "CORETAX-AKTIVASI",
        KPP,
        "pajak-retribusi",
        "Aktivasi Akun Coretax DJP dan Kode Otorisasi",
        "Activation of Coretax accounts and digital signing codes",
        is_permit=False,
        description="Pendampingan aktivasi akun Coretax DJP, pengaturan kata sandi dan pembuatan kode otorisasi atau sertifikat elektronik untuk menandatangani SPT dan faktur.",
        keywords="coretax aktivasi akun pajak kode otorisasi sertifikat elektronik efin lupa password",
        days=1,
        product="Akun Coretax DJP yang aktif dan kode otorisasi atau sertifikat elektronik.",
        procedure="Petugas memverifikasi identitas dan wajah pemohon, lalu mendampingi aktivasi dan pembuatan kode otorisasi di perangkat pemohon.",
        legal_basis=f"{_KUP_LAW}.",
        requirements=[
            _KTP,
            req("Swafoto dengan KTP-el", "Diambil di loket untuk verifikasi wajah.", kinds=PHOTO),
        ],
        steps=_one_day(
            "Penerimaan dan verifikasi identitas serta wajah",
            "Aktivasi akun dan pembuatan kode otorisasi",
            "Uji masuk akun bersama pemohon",
        ),
    ),
    service(
        "SPT-TAHUNAN",
        KPP,
        "pajak-retribusi",
        "Asistensi Pengisian dan Penyampaian SPT Tahunan PPh Orang Pribadi",
        "Assistance with annual individual income tax returns",
        is_permit=False,
        description="Bantuan mengisi dan mengirim SPT Tahunan bagi karyawan, pensiunan dan pelaku usaha orang pribadi melalui Coretax DJP.",
        keywords="spt tahunan lapor spt pajak tahunan 1770 bukti potong a1",
        days=1,
        product="Bukti Penerimaan Elektronik (BPE) SPT Tahunan.",
        procedure="Wajib pajak membawa bukti potong dan data harta; petugas mendampingi pengisian, wajib pajak menandatangani dengan kode otorisasi, lalu BPE terbit.",
        legal_basis=f"{_KUP_LAW}.",
        requirements=[
            req("Bukti potong PPh", "Bukti potong dari pemberi kerja atau pemotong lain."),
            req("Daftar harta dan utang", "Per 31 Desember tahun pajak.", kinds=PDF),
            req("Rekapitulasi peredaran bruto", "Bagi pelaku usaha.", mandatory=False, kinds=PDF),
        ],
        steps=_one_day(
            "Penerimaan dan pemeriksaan dokumen pendukung",
            "Pendampingan pengisian dan pengiriman SPT",
            "Penyerahan Bukti Penerimaan Elektronik",
        ),
    ),
    service(
        "SKF",
        KPP,
        "pajak-retribusi",
        "Penerbitan Surat Keterangan Fiskal",
        "Tax clearance certificate",
        is_permit=False,
        description="Surat keterangan yang menyatakan kepatuhan pajak wajib pajak, misalnya untuk tender pengadaan atau perizinan.",
        keywords="surat keterangan fiskal skf bebas tunggakan pajak tender",
        days=3,
        product="Surat Keterangan Fiskal elektronik.",
        procedure="Wajib pajak mengajukan melalui Coretax atau loket; DJP meneliti kepatuhan pelaporan dan pembayaran, lalu menerbitkan atau menolak dengan alasan.",
        legal_basis=f"{_KUP_LAW}.",
        requirements=[
            req(
                "Surat permohonan surat keterangan fiskal",
                "Ditandatangani wajib pajak atau pengurus.",
                kinds=PDF,
            ),
            req("Surat kuasa", "Bila diajukan oleh kuasa.", mandatory=False, kinds=PDF),
        ],
        steps=[
            step("Penerimaan permohonan", "front_office", 0),
            step("Penelitian kepatuhan pelaporan dan pembayaran", "officer", 2),
            step("Penandatanganan oleh Kepala KPP", "head", 1),
        ],
    ),
    service(
        "SKB-PHTB",
        KPP,
        "pajak-retribusi",
        "Surat Keterangan Bebas PPh atas Pengalihan Hak atas Tanah dan/atau Bangunan",
        "Income tax exemption certificate for land and building transfers",
        is_permit=False,
        description="Surat keterangan pengecualian PPh final pengalihan tanah dan bangunan, misalnya karena waris, hibah kepada keluarga sedarah atau penghasilan di bawah PTKP.",
        keywords="skb pph tanah waris hibah pengalihan hak bebas pph final",
        days=3,
        product="Surat Keterangan Bebas PPh pengalihan hak atas tanah dan/atau bangunan.",
        procedure="Wajib pajak mengajukan dengan dokumen peralihan; petugas meneliti kriteria pengecualian, lalu Kepala KPP menerbitkan surat keterangan.",
        legal_basis=(
            f"{_KUP_LAW}; PP 34/2016 tentang Pajak Penghasilan atas Penghasilan dari Pengalihan Hak atas Tanah "
            "dan/atau Bangunan, dan Perjanjian Pengikatan Jual Beli atas Tanah dan/atau Bangunan beserta Perubahannya."
        ),
        requirements=[
            _KTP,
            req("Sertifikat tanah", "Pindaian sertifikat hak atas tanah."),
            req("SPPT PBB tahun berjalan", "Objek yang dialihkan."),
            req("Surat keterangan waris atau akta hibah", "Sesuai jenis pengalihan."),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Penelitian kriteria pengecualian", "officer", 2),
            step("Penandatanganan oleh Kepala KPP", "head", 1),
        ],
    ),
    service(
        "PKP",
        KPP,
        "pajak-retribusi",
        "Pengukuhan Pengusaha Kena Pajak (PKP)",
        "Registration as a VAT-registered business (PKP)",
        is_permit=False,
        description="Pengukuhan sebagai PKP bagi pengusaha yang peredaran brutonya melebihi Rp4,8 miliar setahun atau memilih dikukuhkan.",
        keywords="pkp pengukuhan pkp ppn faktur pajak pengusaha kena pajak",
        days=5,
        product="Surat Pengukuhan Pengusaha Kena Pajak elektronik.",
        procedure="Pengusaha mengajukan melalui Coretax; petugas meneliti dokumen dan dapat melakukan verifikasi lokasi usaha, lalu pengukuhan diterbitkan.",
        legal_basis=f"{_KUP_LAW}; UU 8/1983 tentang PPN dan PPnBM sebagaimana telah beberapa kali diubah, terakhir dengan UU 6/2023.",
        requirements=[
            req("NPWP dan identitas pengurus", "KTP-el pengurus atau penanggung jawab."),
            req("Dokumen lokasi usaha", "Bukti kepemilikan atau sewa tempat usaha.", kinds=PDF),
            req("NIB", "Nomor Induk Berusaha."),
        ],
        steps=[
            step("Penerimaan permohonan", "front_office", 0),
            step("Penelitian dokumen", "officer", 1),
            step("Verifikasi lokasi usaha", "technical_team", 2),
            step("Pemeriksaan oleh Kepala Seksi Pelayanan", "supervisor", 1),
            step("Penerbitan pengukuhan oleh Kepala KPP", "head", 1),
        ],
    ),
]

# =========================================================================== Bea Cukai
BC = "bea-cukai"
_CUKAI_LAW = "UU 11/1995 tentang Cukai sebagaimana diubah dengan UU 39/2007 dan UU 7/2021"

BC_SERVICES = [
    service(
        "NPPBKC",
        BC,
        "perizinan-usaha",
        "Nomor Pokok Pengusaha Barang Kena Cukai (NPPBKC) Hasil Tembakau",
        "Excise licence (NPPBKC) for tobacco product manufacturers",
        is_permit=True,
        completed_at_mpp=False,
        description="Izin bagi pengusaha pabrik hasil tembakau, termasuk yang berlokasi di kawasan industri hasil tembakau, untuk menjalankan kegiatan di bidang cukai.",
        keywords="nppbkc izin cukai pabrik rokok hasil tembakau kiht",
        days=30,
        product="Keputusan pemberian NPPBKC yang diterbitkan Kepala KPPBC.",
        procedure="Pengusaha mengajukan melalui portal CEISA dengan dukungan asistensi di MPP; pejabat bea dan cukai memeriksa lokasi dan menyusun berita acara, lalu Kepala KPPBC memutuskan.",
        legal_basis=f"{_CUKAI_LAW}; Peraturan Menteri Keuangan tentang Tata Cara Pemberian, Pembekuan, dan Pencabutan NPPBKC.",
        requirements=[
            req("NIB", "Nomor Induk Berusaha dengan KBLI industri hasil tembakau."),
            req("Denah lokasi dan bangunan pabrik", "Disertai foto.", kinds=PDF),
            req("Persetujuan lingkungan dan KKPR", "Dokumen lingkungan dan kesesuaian tata ruang."),
            req("Identitas pengusaha dan penanggung jawab", "KTP-el dan NPWP."),
            req("Surat pernyataan bermeterai", "Tidak pernah dipidana di bidang cukai.", kinds=PDF),
        ],
        steps=[
            step("Penerimaan dan asistensi permohonan di CEISA", "front_office", 0),
            step("Penelitian administrasi", "officer", 5),
            step("Pemeriksaan lokasi dan bangunan pabrik", "technical_team", 15),
            step("Penyusunan berita acara dan konsep keputusan", "supervisor", 8),
            step("Penerbitan keputusan oleh Kepala KPPBC", "head", 2),
        ],
    ),
    service(
        "PESAN-PITA-CUKAI",
        BC,
        "pajak-retribusi",
        "Asistensi Pemesanan Pita Cukai Hasil Tembakau (CK-1)",
        "Assistance with ordering excise stamps (CK-1)",
        is_permit=False,
        completed_at_mpp=False,
        description="Asistensi pengusaha pabrik yang memiliki NPPBKC dalam pengajuan dokumen pemesanan pita cukai (CK-1) dan penyediaan pita cukai.",
        keywords="pita cukai ck1 pemesanan pita cukai rokok",
        days=2,
        product="Dokumen CK-1 yang telah disetujui; pita cukai diambil di KPPBC setelah pelunasan cukai atau penyerahan jaminan.",
        procedure="Pengusaha mengajukan CK-1 melalui sistem; petugas meneliti kuota, tarif dan pembayaran atau jaminan, lalu CK-1 disetujui.",
        legal_basis=f"{_CUKAI_LAW}; Peraturan Menteri Keuangan tentang Tarif Cukai Hasil Tembakau yang berlaku.",
        requirements=[
            req("NPPBKC", "Keputusan NPPBKC yang masih berlaku."),
            req("Dokumen CK-1", "Diisi melalui sistem aplikasi cukai.", kinds=PDF),
            req(
                "Bukti pelunasan cukai atau jaminan", "Bukti penerimaan negara atau jaminan bank.", kinds=PDF
            ),
        ],
        steps=[
            step("Penerimaan dan asistensi pengisian CK-1", "front_office", 0),
            step("Penelitian kuota, tarif dan pelunasan", "officer", 1),
            step("Persetujuan CK-1", "supervisor", 1),
        ],
    ),
    service(
        "KLINIK-EKSPOR",
        BC,
        "perizinan-usaha",
        "Klinik Ekspor dan Asistensi Kepabeanan bagi UMKM",
        "Export clinic and customs assistance for small businesses",
        is_permit=False,
        description="Konsultasi prosedur ekspor, pemberitahuan ekspor barang, fasilitas kepabeanan dan pengiriman barang ekspor UMKM melalui pos.",
        keywords="ekspor umkm klinik ekspor peb kepabeanan bea cukai",
        days=1,
        product="Penjelasan tertulis prosedur ekspor dan pendampingan pengisian dokumen pemberitahuan ekspor.",
        procedure="Pelaku usaha menyampaikan rencana ekspor; petugas menjelaskan ketentuan dan mendampingi pengisian dokumen.",
        legal_basis="UU 10/1995 tentang Kepabeanan sebagaimana diubah dengan UU 17/2006.",
        requirements=[
            req("NIB", "Nomor Induk Berusaha."),
            req("Data produk dan negara tujuan", "Jenis barang, jumlah dan negara tujuan.", kinds=PDF),
        ],
        steps=_one_day(
            "Penerimaan pertanyaan dan data produk",
            "Konsultasi dan pendampingan dokumen ekspor",
            "Penyerahan catatan konsultasi",
        ),
    ),
    service(
        "INFO-BARANG-KIRIMAN",
        BC,
        "pajak-retribusi",
        "Informasi dan Penelusuran Barang Kiriman serta Barang Bawaan dari Luar Negeri",
        "Information on international parcels and passenger goods",
        is_permit=False,
        description="Informasi bea masuk dan pajak impor barang kiriman, status barang kiriman yang tertahan, serta ketentuan barang bawaan penumpang dan pekerja migran.",
        keywords="barang kiriman paket luar negeri bea masuk pajak impor barang bawaan pmi",
        days=1,
        product="Informasi status barang kiriman dan perhitungan bea masuk serta pajak dalam rangka impor.",
        procedure="Pemohon menyebutkan nomor resi; petugas menelusuri status di sistem dan menjelaskan kewajiban serta langkah penyelesaian.",
        legal_basis=(
            "UU 10/1995 tentang Kepabeanan sebagaimana diubah dengan UU 17/2006; Peraturan Menteri Keuangan "
            "tentang Ketentuan Impor Barang Kiriman yang berlaku."
        ),
        requirements=[
            _KTP,
            req(
                "Nomor resi atau dokumen pengiriman",
                "Dari perusahaan jasa titipan atau pos.",
                kinds=PDF + PHOTO,
            ),
        ],
        steps=_one_day(
            "Penerimaan permohonan informasi",
            "Penelusuran status barang di sistem kepabeanan",
            "Penyampaian informasi kepada pemohon",
        ),
    ),
]

# =========================================================================== Imigrasi
IMI = "imigrasi"
_IMI_LAW = (
    "UU 6/2011 tentang Keimigrasian beserta perubahannya; PP 31/2013 tentang Peraturan Pelaksanaan UU "
    "6/2011 beserta perubahannya; PP 28/2019 tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada "
    "Kementerian Hukum dan HAM beserta perubahannya; Permenkumham 8/2014 tentang Paspor Biasa dan Surat "
    "Perjalanan Laksana Paspor sebagaimana diubah terakhir dengan Permenkumham 18/2022."
)
_PASPOR_REQS = [
    _KTP,
    _KK,
    req(
        "Akta kelahiran, akta perkawinan, ijazah atau surat baptis",
        "Salah satu dokumen yang memuat nama, tempat dan tanggal lahir serta nama orang tua.",
    ),
    req("Paspor lama", "Bagi pemohon yang pernah memiliki paspor.", mandatory=False),
    req(
        "KTP-el dan paspor orang tua",
        "Bagi pemohon anak di bawah 17 tahun, disertai surat pernyataan orang tua.",
        mandatory=False,
    ),
]


def _paspor_steps() -> list[dict]:
    return [
        step("Verifikasi berkas dan bukti bayar PNBP dari M-Paspor", "front_office", 0),
        step("Pengambilan foto, sidik jari dan wawancara", "officer", 0),
        step("Adjudikasi dan persetujuan oleh Kepala Seksi", "supervisor", 2),
        step("Pencetakan paspor di Kantor Imigrasi Kelas I TPI Malang", "officer", 1),
        step("Pengiriman dan penyerahan paspor di UKK Kota Probolinggo", "front_office", 1),
    ]


def _paspor(code, name, name_en, *, description, keywords, fees, product, requirements=None):
    return service(
        code,
        IMI,
        "keimigrasian",
        name,
        name_en,
        is_permit=False,
        description=description,
        keywords=keywords,
        days=4,
        fee_kind="fixed",
        fees=fees,
        product=product,
        procedure=(
            "Pemohon mendaftar dan membayar PNBP melalui aplikasi M-Paspor, datang ke UKK di MPP sesuai "
            "jadwal untuk verifikasi berkas, foto, sidik jari dan wawancara. Paspor selesai 4 hari kerja "
            "setelah wawancara dan diambil di UKK."
        ),
        legal_basis=_IMI_LAW,
        requirements=requirements or _PASPOR_REQS,
        steps=_paspor_steps(),
    )


IMI_SERVICES = [
    _paspor(
        "PASPOR-5TH",
        "Paspor Biasa Non-Elektronik Masa Berlaku 5 Tahun",
        "Ordinary non-electronic passport, 5-year validity",
        description="Paspor biasa 48 halaman tanpa cip dengan masa berlaku 5 tahun, antara lain bagi pemohon anak di bawah 17 tahun.",
        keywords="paspor biasa paspor 5 tahun paspor anak buat paspor m-paspor",
        fees=[("Paspor biasa non-elektronik masa berlaku 5 tahun", 350000)],
        product="Paspor biasa non-elektronik 48 halaman, berlaku 5 tahun.",
    ),
    _paspor(
        "PASPOR-10TH",
        "Paspor Biasa Non-Elektronik Masa Berlaku 10 Tahun",
        "Ordinary non-electronic passport, 10-year validity",
        description="Paspor biasa 48 halaman tanpa cip dengan masa berlaku 10 tahun bagi WNI berusia 17 tahun ke atas atau sudah kawin.",
        keywords="paspor biasa paspor 10 tahun buat paspor perpanjang paspor umrah m-paspor",
        fees=[("Paspor biasa non-elektronik masa berlaku 10 tahun", 650000)],
        product="Paspor biasa non-elektronik 48 halaman, berlaku 10 tahun.",
    ),
    _paspor(
        "EPASPOR-5TH",
        "Paspor Elektronik Masa Berlaku 5 Tahun",
        "Electronic passport, 5-year validity",
        description="Paspor dengan cip berisi data biometrik pemegang, masa berlaku 5 tahun; memudahkan bebas visa ke beberapa negara.",
        keywords="e-paspor epaspor paspor elektronik 5 tahun paspor cip",
        fees=[("Paspor elektronik masa berlaku 5 tahun", 650000)],
        product="Paspor elektronik 48 halaman, berlaku 5 tahun.",
    ),
    _paspor(
        "EPASPOR-10TH",
        "Paspor Elektronik Masa Berlaku 10 Tahun",
        "Electronic passport, 10-year validity",
        description="Paspor dengan cip berisi data biometrik, masa berlaku 10 tahun bagi WNI berusia 17 tahun ke atas atau sudah kawin.",
        keywords="e-paspor epaspor paspor elektronik 10 tahun paspor cip",
        fees=[("Paspor elektronik masa berlaku 10 tahun", 950000)],
        product="Paspor elektronik 48 halaman, berlaku 10 tahun.",
    ),
    _paspor(
        "PASPOR-HILANG",
        "Penggantian Paspor Hilang",
        "Replacement of a lost passport",
        description="Penerbitan paspor pengganti bagi paspor yang hilang, didahului pemeriksaan berita acara oleh pejabat imigrasi.",
        keywords="paspor hilang ganti paspor hilang kehilangan paspor",
        fees=[
            ("Layanan penggantian paspor hilang", 1000000),
            ("Paspor baru sesuai jenis yang dipilih (contoh: paspor biasa non-elektronik 10 tahun)", 650000),
        ],
        product="Paspor pengganti sesuai jenis yang dimohonkan.",
        requirements=[
            *_PASPOR_REQS[:3],
            req(
                "Surat keterangan kehilangan dari kepolisian",
                "Asli, menyebutkan nomor paspor bila diketahui.",
            ),
            req("KTP-el dan paspor orang tua", "Bagi pemohon anak di bawah 17 tahun.", mandatory=False),
        ],
    ),
    _paspor(
        "PASPOR-RUSAK",
        "Penggantian Paspor Rusak",
        "Replacement of a damaged passport",
        description="Penerbitan paspor pengganti bagi paspor yang rusak, misalnya terkena air, sobek atau halaman data tidak terbaca.",
        keywords="paspor rusak ganti paspor rusak paspor sobek basah",
        fees=[
            ("Layanan penggantian paspor rusak", 500000),
            ("Paspor baru sesuai jenis yang dipilih (contoh: paspor biasa non-elektronik 10 tahun)", 650000),
        ],
        product="Paspor pengganti sesuai jenis yang dimohonkan.",
        requirements=[
            *_PASPOR_REQS[:3],
            req("Paspor yang rusak", "Diserahkan kepada petugas."),
        ],
    ),
]

# =========================================================================== Polres
POL = "polres"
_PNBP_POLRI = "PP 76/2020 tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Kepolisian Negara Republik Indonesia"
_SKCK_REQS = [
    _KTP,
    _KK,
    req("Akta kelahiran atau ijazah terakhir", "Salah satu dokumen identitas pendukung."),
    req(
        "Pas foto berwarna 4x6",
        "Latar belakang merah, berpakaian sopan, 6 lembar atau foto digital.",
        kinds=PHOTO,
    ),
]


def _skck(code, name, name_en, description, keywords, extra_reqs):
    return service(
        code,
        POL,
        "kepolisian",
        name,
        name_en,
        is_permit=False,
        description=description,
        keywords=keywords,
        days=1,
        fee_kind="fixed",
        fees=[("PNBP penerbitan SKCK", 30000)],
        product="Surat Keterangan Catatan Kepolisian yang berlaku 6 bulan.",
        procedure=(
            "Pemohon mendaftar melalui aplikasi Polri Presisi atau di gerai, mengambil sidik jari, membayar PNBP "
            "melalui kanal resmi, lalu SKCK dicetak setelah pemeriksaan catatan kepolisian."
        ),
        legal_basis=f"UU 2/2002 tentang Kepolisian Negara Republik Indonesia; Peraturan Kepolisian 6/2023 tentang Penerbitan Surat Keterangan Catatan Kepolisian; {_PNBP_POLRI}.",
        requirements=_SKCK_REQS + extra_reqs,
        steps=[
            step("Verifikasi berkas dan pendaftaran", "front_office", 0),
            step("Pengambilan sidik jari dan pemeriksaan catatan kepolisian", "officer", 0),
            step("Pemeriksaan dan pengesahan oleh Kepala Urusan SKCK", "supervisor", 1),
            step("Pencetakan dan penyerahan SKCK", "front_office", 0),
        ],
        staffing="3 petugas gerai SKCK pada hari biasa dan 5 petugas pada masa penerimaan CPNS atau PPPK.",
    )


def _sim(code, name, name_en, golongan, amount, keywords):
    return service(
        code,
        POL,
        "transportasi",
        name,
        name_en,
        is_permit=True,
        description=(
            f"Perpanjangan SIM {golongan} sebelum masa berlakunya habis. Biaya tes kesehatan dan tes psikologi "
            "dibayar terpisah kepada penyelenggara tes yang terdaftar."
        ),
        keywords=keywords,
        days=1,
        fee_kind="fixed",
        fees=[(f"PNBP perpanjangan SIM {golongan}", amount)],
        product=f"SIM {golongan} kartu cerdas yang berlaku 5 tahun.",
        procedure="Pemohon membawa SIM lama dan hasil tes, petugas memverifikasi dan mengambil foto serta sidik jari, lalu SIM dicetak setelah PNBP dibayar.",
        legal_basis=(
            "UU 22/2009 tentang Lalu Lintas dan Angkutan Jalan; Peraturan Kepolisian 5/2021 tentang Penerbitan "
            f"dan Penandaan Surat Izin Mengemudi; {_PNBP_POLRI}."
        ),
        requirements=[
            _KTP,
            req(f"SIM {golongan} lama", "Yang masih berlaku."),
            req("Surat keterangan sehat jasmani", "Dari dokter yang terdaftar."),
            req("Surat keterangan lulus tes psikologi", "Dari penyelenggara tes psikologi yang terdaftar."),
        ],
        steps=[
            step("Verifikasi SIM lama, hasil tes dan identitas", "front_office", 0),
            step("Pengambilan foto, sidik jari dan tanda tangan", "officer", 0),
            step("Verifikasi dan pengesahan data oleh petugas Satpas", "supervisor", 1),
            step("Pencetakan dan penyerahan SIM", "front_office", 0),
        ],
    )


POL_SERVICES = [
    _skck(
        "SKCK",
        "Penerbitan Surat Keterangan Catatan Kepolisian (SKCK) Baru",
        "Police clearance certificate (SKCK)",
        "SKCK untuk melamar pekerjaan, mendaftar CPNS atau PPPK, sekolah, atau keperluan lain yang mempersyaratkan catatan kepolisian.",
        "skck surat kelakuan baik catatan kepolisian lamaran kerja cpns",
        [],
    ),
    _skck(
        "SKCK-PERPANJANG",
        "Perpanjangan Surat Keterangan Catatan Kepolisian (SKCK)",
        "Renewal of a police clearance certificate",
        "Perpanjangan SKCK yang masa berlakunya telah atau akan habis, paling lama 1 tahun setelah berakhir.",
        "perpanjang skck skck lama skck habis",
        [req("SKCK lama", "Lembar asli yang kuning.")],
    ),
    _sim(
        "SIM-A-PERPANJANG",
        "Perpanjangan SIM A",
        "Renewal of a car driving licence (SIM A)",
        "A",
        80000,
        "sim a perpanjang sim mobil sim a habis",
    ),
    _sim(
        "SIM-C-PERPANJANG",
        "Perpanjangan SIM C",
        "Renewal of a motorcycle driving licence (SIM C)",
        "C",
        75000,
        "sim c perpanjang sim motor sim c habis",
    ),
    service(
        "SKTLK",
        POL,
        "kepolisian",
        "Surat Keterangan Tanda Lapor Kehilangan",
        "Lost property report certificate",
        is_permit=False,
        description="Surat keterangan kehilangan barang atau dokumen (misalnya KTP, ijazah, buku tabungan, STNK) untuk mengurus penggantian dokumen.",
        keywords="surat kehilangan lapor hilang surat keterangan hilang polisi",
        days=1,
        product="Surat Keterangan Tanda Lapor Kehilangan.",
        procedure="Pelapor menyampaikan barang atau dokumen yang hilang dan kronologinya; petugas mencatat laporan dan menerbitkan surat keterangan tanpa biaya.",
        legal_basis="UU 2/2002 tentang Kepolisian Negara Republik Indonesia.",
        requirements=[
            _KTP,
            req("Salinan dokumen yang hilang", "Bila ada, untuk melengkapi keterangan.", mandatory=False),
        ],
        steps=[
            step("Penerimaan laporan dan pemeriksaan identitas", "front_office", 0),
            step("Pencatatan kronologi kehilangan", "officer", 0),
            step("Penandatanganan oleh Kepala SPKT", "supervisor", 1),
        ],
    ),
    service(
        "IZIN-KERAMAIAN",
        POL,
        "kepolisian",
        "Surat Izin Keramaian",
        "Permit for public gatherings and events",
        is_permit=True,
        description="Izin penyelenggaraan keramaian umum seperti konser, pertunjukan, pesta rakyat atau pertandingan olahraga di wilayah Kota Probolinggo.",
        keywords="izin keramaian izin acara konser pentas hajatan pertunjukan",
        days=3,
        product="Surat izin keramaian beserta rencana pengamanan.",
        procedure="Penyelenggara mengajukan permohonan paling lambat 14 hari sebelum acara; Satuan Intelkam memverifikasi lokasi dan rencana pengamanan, lalu Kapolres menerbitkan izin.",
        legal_basis=(
            "UU 2/2002 tentang Kepolisian Negara Republik Indonesia; PP 60/2017 tentang Tata Cara Perizinan dan "
            "Pengawasan Kegiatan Keramaian Umum, Kegiatan Masyarakat Lainnya, dan Pemberitahuan Kegiatan Politik."
        ),
        requirements=[
            req(
                "Surat permohonan penyelenggara",
                "Memuat waktu, tempat, jenis acara dan perkiraan jumlah pengunjung.",
                kinds=PDF,
            ),
            req("Identitas penanggung jawab", "KTP-el penanggung jawab acara."),
            req("Izin tempat atau persetujuan pemilik lokasi", "Dari pengelola tempat."),
            req("Rekomendasi lurah dan camat", "Untuk acara di lingkungan permukiman.", mandatory=False),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi lokasi dan rencana pengamanan", "technical_team", 1),
            step("Pemeriksaan oleh Kasat Intelkam", "supervisor", 1),
            step("Penandatanganan izin oleh Kapolres", "head", 1),
        ],
    ),
]

# =========================================================================== Kemenag
KMG = "kemenag"
_NIKAH_LAW = (
    "UU 1/1974 tentang Perkawinan sebagaimana diubah dengan UU 16/2019; PP 9/1975 tentang Pelaksanaan UU "
    "1/1974; Peraturan Menteri Agama tentang Pencatatan Pernikahan"
)

KMG_SERVICES = [
    service(
        "DAFTAR-NIKAH",
        KMG,
        "keagamaan",
        "Pendaftaran Kehendak Nikah",
        "Marriage registration at the Office of Religious Affairs (KUA)",
        is_permit=False,
        completed_at_mpp=False,
        description="Pendaftaran kehendak nikah bagi pasangan beragama Islam; akad nikah dilaksanakan di KUA kecamatan atau di luar KUA sesuai jadwal.",
        keywords="daftar nikah kua nikah buku nikah kartu nikah pernikahan simkah",
        days=5,
        fee_kind="fixed",
        fees=[
            ("Nikah di KUA pada hari dan jam kerja", 0),
            ("Nikah di luar KUA dan/atau di luar hari dan jam kerja (PNBP)", 600000),
        ],
        product="Jadwal akad nikah dan pengumuman kehendak nikah; buku nikah dan kartu nikah digital diterbitkan KUA setelah akad.",
        procedure="Calon pengantin mendaftar dengan berkas dari kelurahan; petugas merekam data di SIMKAH, penghulu memeriksa calon pengantin dan wali, lalu Kepala KUA menetapkan jadwal akad.",
        legal_basis=(
            f"{_NIKAH_LAW}; Peraturan Pemerintah tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada "
            "Kementerian Agama."
        ),
        requirements=[
            req("Surat pengantar nikah dari kelurahan", "Formulir N1 sampai N4."),
            req("KTP-el dan Kartu Keluarga calon pengantin", "Pindaian dokumen kedua calon pengantin."),
            req("Akta kelahiran", "Kedua calon pengantin."),
            req("Pas foto berwarna 2x3 dan 4x6", "Latar belakang biru.", kinds=PHOTO),
            req("Surat izin orang tua (N5)", "Bagi calon pengantin di bawah 21 tahun.", mandatory=False),
            req("Akta cerai atau akta kematian pasangan", "Bagi duda atau janda.", mandatory=False),
            req(
                "Penetapan dispensasi kawin",
                "Dari pengadilan agama bagi calon pengantin di bawah 19 tahun.",
                mandatory=False,
            ),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Perekaman data di SIMKAH dan penjadwalan pemeriksaan", "officer", 1),
            step("Pemeriksaan calon pengantin dan wali oleh penghulu", "technical_team", 3),
            step("Penetapan jadwal akad dan pengumuman kehendak nikah oleh Kepala KUA", "supervisor", 1),
        ],
    ),
    service(
        "LEGALISIR-NIKAH",
        KMG,
        "keagamaan",
        "Legalisasi Buku Nikah dan Akta Ikrar Wakaf",
        "Certified copies of marriage books and waqf deeds",
        is_permit=False,
        description="Legalisasi salinan buku nikah atau akta ikrar wakaf untuk keperluan administrasi, perbankan atau keimigrasian.",
        keywords="legalisir buku nikah legalisasi akta nikah akta ikrar wakaf",
        days=1,
        product="Salinan buku nikah atau akta ikrar wakaf yang dilegalisasi.",
        procedure="Pemohon menunjukkan dokumen asli; petugas mencocokkan dengan register, lalu salinan dilegalisasi tanpa biaya.",
        legal_basis=f"{_NIKAH_LAW}; UU 41/2004 tentang Wakaf.",
        requirements=[
            req("Buku nikah atau akta ikrar wakaf asli", "Ditunjukkan kepada petugas."),
            req("Salinan dokumen", "Paling banyak 10 lembar.", kinds=PDF),
        ],
        steps=[
            step("Penerimaan dokumen asli dan salinan", "front_office", 0),
            step("Pencocokan dengan register", "officer", 0),
            step("Pengesahan oleh Kepala Seksi Bimas Islam", "supervisor", 1),
            step("Penyerahan salinan yang dilegalisasi", "front_office", 0),
        ],
    ),
    service(
        "DUPLIKAT-NIKAH",
        KMG,
        "keagamaan",
        "Penerbitan Duplikat Buku Nikah",
        "Duplicate marriage book",
        is_permit=False,
        completed_at_mpp=False,
        description="Penerbitan duplikat buku nikah yang hilang atau rusak, berdasarkan register di KUA tempat pernikahan dicatat.",
        keywords="buku nikah hilang duplikat buku nikah buku nikah rusak",
        days=3,
        product="Duplikat buku nikah yang diterbitkan KUA tempat nikah dicatat.",
        procedure="Pemohon menyerahkan berkas di MPP; berkas diteruskan ke KUA yang mencatat pernikahan, register ditelusuri, lalu duplikat ditandatangani Kepala KUA.",
        legal_basis=f"{_NIKAH_LAW}.",
        requirements=[
            req("Surat keterangan kehilangan dari kepolisian", "Bila buku nikah hilang."),
            req("KTP-el suami dan istri", "Pindaian KTP-el."),
            _KK,
            req("Pas foto berwarna 2x3", "Suami dan istri, latar belakang biru.", kinds=PHOTO),
            req("Buku nikah yang rusak", "Bila buku nikah rusak.", mandatory=False),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Penelusuran register nikah di KUA", "officer", 1),
            step("Pemeriksaan oleh penghulu", "supervisor", 1),
            step("Penandatanganan duplikat oleh Kepala KUA", "head", 1),
        ],
    ),
    service(
        "HALAL-SD",
        KMG,
        "perizinan-usaha",
        "Pendampingan Sertifikasi Halal Jalur Pernyataan Pelaku Usaha (Self Declare)",
        "Assistance with halal certification by self-declaration",
        is_permit=False,
        completed_at_mpp=False,
        description="Pendaftaran dan pendampingan sertifikasi halal gratis bagi usaha mikro dan kecil dengan produk tidak berisiko dan bahan yang sudah pasti halal.",
        keywords="sertifikat halal gratis sehati self declare halal umkm bpjph sihalal",
        days=12,
        product="Sertifikat halal yang diterbitkan BPJPH melalui SIHALAL.",
        procedure="Pelaku usaha membuat akun SIHALAL dengan bantuan petugas; Pendamping Proses Produk Halal memverifikasi bahan dan proses, Komite Fatwa menetapkan kehalalan, lalu BPJPH menerbitkan sertifikat.",
        legal_basis=(
            "UU 33/2014 tentang Jaminan Produk Halal sebagaimana diubah dengan UU 6/2023; PP 42/2024 tentang "
            "Penyelenggaraan Bidang Jaminan Produk Halal."
        ),
        requirements=[
            req("NIB usaha mikro atau kecil", "Nomor Induk Berusaha."),
            _KTP,
            req("Daftar bahan dan proses produksi", "Setiap produk yang didaftarkan.", kinds=PDF),
            req("Foto produk dan tempat produksi", "Tampak jelas.", kinds=PHOTO),
        ],
        steps=[
            step("Pembuatan akun SIHALAL dan pendaftaran", "front_office", 0),
            step("Verifikasi dan validasi oleh Pendamping Proses Produk Halal", "technical_team", 3),
            step("Penyampaian laporan pendampingan ke BPJPH", "officer", 2),
            step("Sidang Komite Fatwa Produk Halal", "supervisor", 5),
            step("Penerbitan sertifikat halal oleh BPJPH", "head", 2),
        ],
    ),
    service(
        "REKOM-RUMAH-IBADAT",
        KMG,
        "keagamaan",
        "Rekomendasi Pendirian Rumah Ibadat",
        "Recommendation for building a house of worship",
        is_permit=False,
        description="Rekomendasi tertulis Kepala Kantor Kementerian Agama sebagai salah satu syarat PBG rumah ibadat, setelah rekomendasi FKUB.",
        keywords="rekomendasi rumah ibadah masjid gereja pura vihara klenteng fkub",
        days=7,
        product="Surat rekomendasi pendirian rumah ibadat.",
        procedure="Panitia pembangunan mengajukan permohonan; petugas memverifikasi dokumen dan meninjau lokasi bersama FKUB, lalu Kepala Kantor menerbitkan rekomendasi.",
        legal_basis=(
            "Peraturan Bersama Menteri Agama dan Menteri Dalam Negeri Nomor 9 Tahun 2006 dan Nomor 8 Tahun 2006 "
            "tentang Pedoman Pelaksanaan Tugas Kepala Daerah/Wakil Kepala Daerah dalam Pemeliharaan Kerukunan "
            "Umat Beragama, Pemberdayaan FKUB, dan Pendirian Rumah Ibadat."
        ),
        requirements=[
            req(
                "Daftar nama dan KTP-el calon pengguna",
                "Paling sedikit 90 orang, disahkan pejabat setempat.",
                kinds=PDF,
            ),
            req("Dukungan masyarakat setempat", "Paling sedikit 60 orang, disahkan lurah.", kinds=PDF),
            req("Rekomendasi FKUB Kota Probolinggo", "Rekomendasi tertulis Forum Kerukunan Umat Beragama."),
            req("Bukti kepemilikan tanah", "Sertifikat atau akta wakaf."),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 2),
            step("Peninjauan lokasi bersama FKUB", "technical_team", 3),
            step("Pemeriksaan oleh Kepala Subbagian Tata Usaha", "supervisor", 1),
            step("Penandatanganan rekomendasi oleh Kepala Kantor", "head", 1),
        ],
    ),
    service(
        "SKT-MAJELIS-TAKLIM",
        KMG,
        "keagamaan",
        "Surat Keterangan Terdaftar Majelis Taklim",
        "Registration of Islamic study groups (majelis taklim)",
        is_permit=False,
        description="Pendaftaran majelis taklim agar tercatat dan dapat memperoleh pembinaan serta bantuan dari Kementerian Agama.",
        keywords="majelis taklim pengajian skt majelis taklim",
        days=7,
        product="Surat Keterangan Terdaftar Majelis Taklim yang berlaku 5 tahun.",
        procedure="Pengurus mengajukan permohonan; petugas memverifikasi dokumen dan kegiatan, lalu Kepala Kantor menerbitkan SKT.",
        legal_basis="Peraturan Menteri Agama 29/2019 tentang Majelis Taklim.",
        requirements=[
            req("Surat permohonan", "Ditandatangani ketua majelis taklim.", kinds=PDF),
            req("Susunan pengurus", "Disertai KTP-el ketua.", kinds=PDF),
            req("Daftar jemaah", "Paling sedikit 15 orang.", kinds=PDF),
            req("Surat keterangan domisili", "Dari lurah.", kinds=PDF),
            req("Materi dan jadwal kajian", "Program kegiatan majelis taklim.", kinds=PDF),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Verifikasi administrasi", "officer", 2),
            step("Verifikasi kegiatan majelis taklim", "technical_team", 3),
            step("Pemeriksaan oleh Kepala Seksi Bimas Islam", "supervisor", 1),
            step("Penandatanganan SKT oleh Kepala Kantor", "head", 1),
        ],
    ),
]

# =========================================================================== BPJS Kesehatan
BPJSK = "bpjs-kesehatan"
_JKN_LAW = (
    "UU 40/2004 tentang Sistem Jaminan Sosial Nasional; UU 24/2011 tentang Badan Penyelenggara Jaminan "
    "Sosial; Perpres 82/2018 tentang Jaminan Kesehatan beserta perubahannya; Peraturan BPJS Kesehatan "
    "6/2018 tentang Administrasi Kepesertaan Program Jaminan Kesehatan"
)


def _jkn(code, name, name_en, description, keywords, product, requirements):
    return service(
        code,
        BPJSK,
        "jaminan-sosial",
        name,
        name_en,
        is_permit=False,
        description=description,
        keywords=keywords,
        days=1,
        product=product,
        procedure="Peserta datang ke loket atau memakai Mobile JKN; petugas memverifikasi dokumen dan data kependudukan, lalu perubahan direkam dan berlaku sesuai ketentuan.",
        legal_basis=f"{_JKN_LAW}.",
        requirements=requirements,
        steps=_one_day(
            "Penerimaan dan verifikasi dokumen",
            "Perekaman data pada aplikasi kepesertaan",
            "Penyampaian kartu digital atau bukti perubahan",
        ),
    )


BPJSK_SERVICES = [
    _jkn(
        "JKN-DAFTAR",
        "Pendaftaran Peserta JKN Pekerja Bukan Penerima Upah (Mandiri)",
        "Enrolment of self-paying members in national health insurance",
        "Pendaftaran peserta mandiri beserta seluruh anggota keluarga dalam KK. Iuran bulanan dibayar terpisah sesuai kelas yang dipilih melalui virtual account.",
        "daftar bpjs kesehatan bpjs mandiri kis jkn pbpu",
        "Nomor kepesertaan, kartu JKN digital di Mobile JKN dan nomor virtual account iuran.",
        [
            _KTP,
            _KK,
            req("Buku tabungan", "Untuk autodebit iuran, bila dipilih.", mandatory=False),
            req(
                "Pas foto berwarna 3x4",
                "Setiap anggota keluarga yang didaftarkan.",
                mandatory=False,
                kinds=PHOTO,
            ),
        ],
    ),
    _jkn(
        "JKN-BAYI",
        "Pendaftaran Bayi Baru Lahir",
        "Enrolment of newborns",
        "Pendaftaran bayi dari peserta JKN paling lambat 28 hari setelah lahir agar bayi langsung terjamin.",
        "daftar bayi bpjs bayi baru lahir jkn bayi",
        "Nomor kepesertaan bayi yang terhubung dengan kepesertaan keluarga.",
        [
            req("Surat keterangan lahir atau akta kelahiran", "Dari rumah sakit, bidan atau Dispendukcapil."),
            _KK,
            req("Kartu JKN orang tua", "Nomor kepesertaan orang tua."),
        ],
    ),
    _jkn(
        "JKN-UBAH-DATA",
        "Perubahan Data Peserta dan Penambahan Anggota Keluarga",
        "Update of member data and adding family members",
        "Perubahan identitas, alamat, kelas rawat atau penambahan anggota keluarga peserta JKN.",
        "ubah data bpjs tambah anggota keluarga bpjs pindah kelas",
        "Data kepesertaan yang diperbarui.",
        [
            _KTP,
            _KK,
            req(
                "Dokumen dasar perubahan",
                "Misalnya buku nikah atau akta kelahiran anggota keluarga baru.",
                mandatory=False,
            ),
        ],
    ),
    _jkn(
        "JKN-PINDAH-FKTP",
        "Perubahan Fasilitas Kesehatan Tingkat Pertama (FKTP)",
        "Change of primary care provider",
        "Perpindahan puskesmas, klinik atau dokter praktik perorangan tempat peserta terdaftar, setelah terdaftar paling singkat 3 bulan.",
        "pindah faskes ganti puskesmas ganti klinik bpjs fktp",
        "Kepesertaan terdaftar di FKTP baru yang berlaku mulai bulan berikutnya.",
        [_KTP, req("Kartu JKN", "Nomor kepesertaan peserta.")],
    ),
    _jkn(
        "JKN-AKTIF-KEMBALI",
        "Pengaktifan Kembali Kepesertaan JKN",
        "Reactivation of national health insurance membership",
        "Pengaktifan kembali kepesertaan yang nonaktif karena tunggakan iuran atau perubahan status kepesertaan.",
        "aktifkan bpjs bpjs nonaktif tunggakan bpjs reaktivasi",
        "Status kepesertaan aktif kembali setelah tunggakan dilunasi atau status baru ditetapkan.",
        [
            _KTP,
            _KK,
            req("Bukti pelunasan tunggakan iuran", "Bila nonaktif karena tunggakan.", mandatory=False),
            req(
                "Surat keterangan PHK atau berhenti bekerja",
                "Bila beralih dari peserta penerima upah.",
                mandatory=False,
            ),
        ],
    ),
]

# =========================================================================== BPJS Ketenagakerjaan
BPJSTK = "bpjs-ketenagakerjaan"
_JAMSOSTEK_LAW = (
    "UU 40/2004 tentang Sistem Jaminan Sosial Nasional; UU 24/2011 tentang Badan Penyelenggara Jaminan "
    "Sosial; PP 44/2015 tentang Penyelenggaraan Program Jaminan Kecelakaan Kerja dan Jaminan Kematian "
    "beserta perubahannya; PP 46/2015 tentang Penyelenggaraan Program Jaminan Hari Tua beserta perubahannya"
)

BPJSTK_SERVICES = [
    service(
        "BPU-DAFTAR",
        BPJSTK,
        "jaminan-sosial",
        "Pendaftaran Peserta Bukan Penerima Upah (Pekerja Mandiri)",
        "Enrolment of self-employed workers",
        is_permit=False,
        description="Pendaftaran pekerja mandiri seperti pedagang, ojek, petani, nelayan dan pekerja lepas pada program JKK dan JKM, dengan pilihan JHT. Iuran dibayar terpisah mulai Rp16.800 per bulan.",
        keywords="bpjs ketenagakerjaan bpu pekerja mandiri jamsostek ojol pedagang nelayan",
        days=1,
        product="Kartu peserta digital di aplikasi JMO dan kode iuran.",
        procedure="Pekerja mendaftar di loket atau JMO; petugas memverifikasi NIK, memilih program dan besaran penghasilan, lalu kartu digital terbit setelah iuran pertama dibayar.",
        legal_basis=f"{_JAMSOSTEK_LAW}; Permenaker 5/2021 tentang Tata Cara Penyelenggaraan Program Jaminan Kecelakaan Kerja, Jaminan Kematian, dan Jaminan Hari Tua.",
        requirements=[
            _KTP,
            req("Nomor ponsel dan email aktif", "Untuk aktivasi aplikasi JMO.", kinds=PDF, mandatory=False),
        ],
        steps=_one_day(
            "Penerimaan dan verifikasi NIK",
            "Pendaftaran program dan penerbitan kode iuran",
            "Aktivasi kartu digital JMO",
        ),
    ),
    service(
        "PU-DAFTAR",
        BPJSTK,
        "jaminan-sosial",
        "Pendaftaran Perusahaan dan Tenaga Kerja Penerima Upah",
        "Enrolment of employers and their employees",
        is_permit=False,
        description="Pendaftaran badan usaha atau pemberi kerja beserta pekerjanya pada program JKK, JKM, JHT, JP dan JKP.",
        keywords="daftar perusahaan bpjs ketenagakerjaan pemberi kerja karyawan",
        days=1,
        product="Nomor pendaftaran perusahaan dan kartu peserta pekerja.",
        procedure="Pemberi kerja menyampaikan data perusahaan dan pekerja; petugas memverifikasi, menetapkan iuran dan menerbitkan nomor pendaftaran perusahaan.",
        legal_basis=f"{_JAMSOSTEK_LAW}.",
        requirements=[
            req("NIB perusahaan", "Nomor Induk Berusaha."),
            req("Data pekerja dan upah", "NIK, nama dan upah setiap pekerja.", kinds=PDF),
            req("KTP-el pimpinan perusahaan", "Pindaian KTP-el."),
        ],
        steps=_one_day(
            "Penerimaan dan verifikasi dokumen",
            "Perekaman data perusahaan dan pekerja",
            "Penyerahan nomor pendaftaran dan kartu",
        ),
    ),
    service(
        "KLAIM-JHT",
        BPJSTK,
        "jaminan-sosial",
        "Klaim Jaminan Hari Tua (JHT)",
        "Old-age savings (JHT) claim",
        is_permit=False,
        description="Pencairan saldo JHT karena mencapai usia pensiun, berhenti bekerja, cacat total tetap atau meninggal dunia, atau pencairan sebagian sesuai ketentuan.",
        keywords="klaim jht pencairan jht jamsostek resign berhenti kerja",
        days=5,
        product="Pembayaran saldo JHT ke rekening peserta dan rincian pembayaran.",
        procedure="Peserta mengajukan di loket atau JMO; petugas memverifikasi dokumen dan wajah, klaim disetujui, lalu dana ditransfer ke rekening peserta.",
        legal_basis=f"{_JAMSOSTEK_LAW}; Permenaker 4/2022 tentang Tata Cara dan Persyaratan Pembayaran Manfaat Jaminan Hari Tua.",
        requirements=[
            req("Kartu peserta BPJS Ketenagakerjaan", "Fisik atau digital."),
            _KTP,
            req("Buku tabungan atas nama peserta", "Halaman identitas rekening."),
            req(
                "Surat keterangan berhenti bekerja atau paklaring",
                "Untuk klaim karena berhenti bekerja.",
                mandatory=False,
            ),
            _KK,
        ],
        steps=[
            step("Penerimaan berkas dan verifikasi wajah", "front_office", 0),
            step("Verifikasi dan perekaman klaim", "officer", 1),
            step("Persetujuan klaim", "supervisor", 2),
            step("Pembayaran ke rekening peserta", "officer", 2),
        ],
    ),
    service(
        "KLAIM-JKM",
        BPJSTK,
        "jaminan-sosial",
        "Klaim Jaminan Kematian (JKM)",
        "Death benefit (JKM) claim",
        is_permit=False,
        description="Santunan bagi ahli waris peserta yang meninggal dunia bukan karena kecelakaan kerja, meliputi santunan sekaligus, santunan berkala, biaya pemakaman dan beasiswa anak bila memenuhi syarat.",
        keywords="klaim jkm santunan kematian ahli waris bpjs ketenagakerjaan meninggal",
        days=3,
        product="Pembayaran manfaat JKM ke rekening ahli waris.",
        procedure="Ahli waris mengajukan dengan dokumen kematian dan waris; petugas memverifikasi, klaim disetujui, lalu manfaat dibayarkan.",
        legal_basis=f"{_JAMSOSTEK_LAW}.",
        requirements=[
            req("Kartu peserta almarhum", "Fisik atau digital."),
            req("Akta kematian", "Dari Dispendukcapil."),
            req("KTP-el dan KK ahli waris", "Pindaian dokumen ahli waris."),
            req("Surat keterangan ahli waris", "Dari kelurahan atau instansi berwenang."),
            req("Buku tabungan ahli waris", "Halaman identitas rekening."),
        ],
        steps=[
            step("Penerimaan dan verifikasi berkas ahli waris", "front_office", 0),
            step("Verifikasi dan perekaman klaim", "officer", 1),
            step("Persetujuan klaim", "supervisor", 1),
            step("Pembayaran ke rekening ahli waris", "officer", 1),
        ],
    ),
    service(
        "TK-UBAH-DATA",
        BPJSTK,
        "jaminan-sosial",
        "Pengkinian Data Peserta BPJS Ketenagakerjaan",
        "Update of employment social security member data",
        is_permit=False,
        description="Perbaikan nama, tanggal lahir, NIK, alamat atau data ahli waris peserta agar klaim tidak terhambat.",
        keywords="update data bpjs ketenagakerjaan perbaikan data peserta koreksi nama",
        days=1,
        product="Data peserta yang telah diperbarui.",
        procedure="Peserta menunjukkan dokumen; petugas mencocokkan dengan data kependudukan dan memperbarui data.",
        legal_basis=f"{_JAMSOSTEK_LAW}.",
        requirements=[_KTP, _KK, req("Kartu peserta", "Fisik atau digital.")],
        steps=_one_day(
            "Penerimaan dan verifikasi dokumen",
            "Pemadanan dan perubahan data",
            "Konfirmasi perubahan kepada peserta",
        ),
    ),
]

# =========================================================================== Perumdam Bayuangga
PDAM = "perumdam-bayuangga"
_PDAM_LAW = (
    "PP 122/2015 tentang Sistem Penyediaan Air Minum; PP 54/2017 tentang Badan Usaha Milik Daerah; "
    "Permendagri 21/2020 tentang Perubahan Kedua atas Permendagri 71/2016 tentang Perhitungan dan Penetapan "
    "Tarif Air Minum; Peraturan Daerah Kota Probolinggo tentang Perusahaan Umum Daerah Air Minum Bayuangga."
)
_PDAM_TARIFF = "sesuai tarif yang ditetapkan Direksi dan disetujui Wali Kota Probolinggo"
_PELANGGAN = req("Rekening air bulan terakhir", "Untuk mengetahui nomor pelanggan.")

PDAM_SERVICES = [
    service(
        "PDAM-PASANG-BARU",
        PDAM,
        "utilitas-keuangan",
        "Pemasangan Sambungan Baru Air Minum",
        "New piped water connection",
        is_permit=False,
        description="Pemasangan sambungan rumah baru dari jaringan distribusi Perumdam Bayuangga, termasuk meter air.",
        keywords="pasang baru pdam sambungan baru air pdam meteran air",
        days=10,
        fee_kind="levy",
        levy_formula="other",
        levy_description=(
            "Biaya sambungan baru dihitung dari hasil survei: biaya pendaftaran, meter air, pipa dan aksesori "
            f"menurut jarak dari pipa distribusi, serta uang jaminan langganan, {_PDAM_TARIFF}."
        ),
        product="Sambungan air minum aktif, meter air tersegel dan nomor pelanggan.",
        procedure="Pemohon mendaftar, tim teknik menyurvei lokasi dan jaringan, pemohon membayar biaya sesuai rincian, lalu pipa dan meter dipasang.",
        legal_basis=_PDAM_LAW,
        requirements=[
            _KTP,
            _KK,
            req("Denah lokasi rumah", "Atau titik koordinat.", kinds=PDF + PHOTO),
            req("Rekening listrik atau SPPT PBB", "Sebagai bukti alamat.", mandatory=False),
        ],
        steps=[
            step("Pendaftaran dan pemeriksaan berkas", "front_office", 0),
            step("Survei lokasi dan jaringan distribusi", "technical_team", 3),
            step("Penyusunan rincian biaya dan penerbitan tagihan", "officer", 1),
            step("Pemasangan pipa dan meter air setelah pembayaran", "technical_team", 5),
            step("Berita acara pemasangan dan aktivasi pelanggan", "supervisor", 1),
        ],
    ),
    service(
        "PDAM-BALIK-NAMA",
        PDAM,
        "utilitas-keuangan",
        "Balik Nama Pelanggan Air Minum",
        "Transfer of a water connection to a new owner",
        is_permit=False,
        description="Perubahan nama pelanggan karena jual beli rumah, waris atau hibah.",
        keywords="balik nama pdam ganti nama pelanggan air",
        days=3,
        fee_kind="levy",
        levy_formula="other",
        levy_description=f"Biaya administrasi balik nama dan pelunasan rekening tertunggak bila ada, {_PDAM_TARIFF}.",
        product="Data pelanggan atas nama pemilik baru.",
        procedure="Pemohon mengajukan dengan bukti peralihan; petugas memeriksa tunggakan dan dokumen, lalu data pelanggan diubah.",
        legal_basis=_PDAM_LAW,
        requirements=[
            _KTP,
            _PELANGGAN,
            req("Bukti peralihan hak", "Akta jual beli, sertifikat atau surat keterangan waris."),
        ],
        steps=[
            step("Penerimaan dan pemeriksaan berkas", "front_office", 0),
            step("Pemeriksaan tunggakan dan perhitungan biaya", "officer", 1),
            step("Perubahan data pelanggan", "officer", 1),
            step("Persetujuan Kepala Bagian Hubungan Langganan", "supervisor", 1),
        ],
    ),
    service(
        "PDAM-SAMBUNG-KEMBALI",
        PDAM,
        "utilitas-keuangan",
        "Penyambungan Kembali Sambungan yang Diputus",
        "Reconnection of a disconnected water supply",
        is_permit=False,
        description="Penyambungan kembali aliran air yang diputus karena tunggakan atau atas permintaan pelanggan.",
        keywords="sambung kembali pdam buka segel air mati tunggakan",
        days=2,
        fee_kind="levy",
        levy_formula="other",
        levy_description=f"Pelunasan rekening tertunggak dan denda, ditambah biaya penyambungan kembali, {_PDAM_TARIFF}.",
        product="Aliran air tersambung kembali.",
        procedure="Pelanggan melunasi tagihan; petugas menerbitkan perintah kerja dan tim teknik membuka segel serta memeriksa meter.",
        legal_basis=_PDAM_LAW,
        requirements=[_KTP, _PELANGGAN],
        steps=[
            step("Penerimaan permohonan dan pemeriksaan pelunasan", "front_office", 0),
            step("Penerbitan perintah kerja", "officer", 1),
            step("Penyambungan dan pemeriksaan meter", "technical_team", 1),
        ],
    ),
    service(
        "PDAM-PINDAH-METER",
        PDAM,
        "utilitas-keuangan",
        "Pemindahan Lokasi Meter Air",
        "Relocation of a water meter",
        is_permit=False,
        description="Pemindahan meter air karena renovasi rumah atau pelebaran jalan atas permintaan pelanggan.",
        keywords="pindah meter air geser meteran pdam renovasi",
        days=5,
        fee_kind="levy",
        levy_formula="other",
        levy_description=f"Biaya pemindahan dihitung dari hasil survei: material pipa, aksesori dan ongkos kerja, {_PDAM_TARIFF}.",
        product="Meter air terpasang di lokasi baru dan tersegel.",
        procedure="Pelanggan mengajukan; tim teknik menyurvei, pelanggan membayar biaya, lalu meter dipindahkan.",
        legal_basis=_PDAM_LAW,
        requirements=[_KTP, _PELANGGAN, req("Sketsa lokasi baru meter", "Beserta foto.", kinds=PDF + PHOTO)],
        steps=[
            step("Penerimaan permohonan", "front_office", 0),
            step("Survei dan perhitungan biaya", "technical_team", 2),
            step("Penerbitan tagihan dan perintah kerja", "officer", 1),
            step("Pemindahan meter air", "technical_team", 2),
        ],
    ),
    service(
        "PDAM-KEBOCORAN",
        PDAM,
        "utilitas-keuangan",
        "Perbaikan Kebocoran Pipa Dinas dan Gangguan Aliran",
        "Repair of service pipe leaks and supply disruptions",
        is_permit=False,
        description="Perbaikan kebocoran pipa sebelum meter air dan penanganan air tidak mengalir tanpa biaya; kerusakan instalasi setelah meter menjadi tanggungan pelanggan.",
        keywords="pipa bocor air tidak mengalir gangguan pdam air keruh",
        days=1,
        product="Pipa dinas diperbaiki dan aliran air normal kembali.",
        procedure="Pelanggan melaporkan gangguan; tim teknik memeriksa dan memperbaiki, lalu hasil dikonfirmasi kepada pelanggan.",
        legal_basis=_PDAM_LAW,
        requirements=[_PELANGGAN, req("Foto lokasi kebocoran", "Bila ada.", kinds=PHOTO, mandatory=False)],
        steps=[
            step("Pencatatan laporan gangguan", "front_office", 0),
            step("Pemeriksaan dan perbaikan oleh tim teknik", "technical_team", 1),
            step("Konfirmasi hasil perbaikan kepada pelanggan", "supervisor", 0),
        ],
    ),
]

# =========================================================================== Bank Jatim
BJ = "bank-jatim"
_BANK_LAW = (
    "UU 7/1992 tentang Perbankan sebagaimana diubah dengan UU 10/1998 dan UU 4/2023 tentang Pengembangan dan "
    "Penguatan Sektor Keuangan; POJK 22/2023 tentang Pelindungan Konsumen dan Masyarakat di Sektor Jasa Keuangan"
)

BJ_SERVICES = [
    service(
        "BJ-TABUNGAN",
        BJ,
        "utilitas-keuangan",
        "Pembukaan Rekening Tabungan",
        "Opening a savings account",
        is_permit=False,
        description="Pembukaan rekening tabungan perorangan, termasuk TabunganKu dan tabungan pelajar, dengan setoran awal sesuai ketentuan produk.",
        keywords="buka rekening tabungan bank jatim tabunganku simpel pelajar",
        days=1,
        product="Buku tabungan dan kartu debit.",
        procedure="Nasabah mengisi formulir dan menyerahkan identitas; customer service memverifikasi, membuka rekening dan menerbitkan buku tabungan serta kartu debit.",
        legal_basis=f"{_BANK_LAW}.",
        requirements=[
            _KTP,
            req("NPWP", "Bila ada.", mandatory=False),
            req("Kartu Identitas Anak dan KTP-el orang tua", "Untuk tabungan pelajar.", mandatory=False),
        ],
        steps=_one_day(
            "Pengisian formulir dan verifikasi identitas",
            "Pembukaan rekening dan setoran awal",
            "Penyerahan buku tabungan dan kartu debit",
        ),
    ),
    service(
        "BJ-JCONNECT",
        BJ,
        "utilitas-keuangan",
        "Aktivasi JConnect Mobile dan Kartu Debit",
        "Activation of JConnect Mobile banking and debit cards",
        is_permit=False,
        description="Aktivasi layanan perbankan digital JConnect Mobile dan penggantian atau aktivasi kartu debit.",
        keywords="jconnect mobile banking bank jatim aktivasi kartu atm",
        days=1,
        product="Layanan JConnect Mobile aktif dan kartu debit siap digunakan.",
        procedure="Nasabah datang dengan identitas dan buku tabungan; customer service memverifikasi dan mengaktifkan layanan di ponsel nasabah.",
        legal_basis=f"{_BANK_LAW}.",
        requirements=[_KTP, req("Buku tabungan", "Rekening Bank Jatim milik pemohon.")],
        steps=_one_day(
            "Verifikasi identitas dan rekening", "Aktivasi layanan dan kartu", "Uji transaksi bersama nasabah"
        ),
    ),
    service(
        "BJ-BAYAR-PAJAK",
        BJ,
        "pajak-retribusi",
        "Pembayaran PBB-P2, BPHTB, Pajak Daerah dan Retribusi",
        "Payment of local taxes and levies",
        is_permit=False,
        description="Pembayaran PBB-P2, BPHTB, pajak daerah lainnya dan retribusi Kota Probolinggo di teller Bank Jatim MPP menggunakan kode bayar.",
        keywords="bayar pbb bayar bphtb bayar retribusi skrd kode bayar teller",
        days=1,
        product="Bukti pembayaran yang tervalidasi dan langsung tercatat di sistem BPPKAD.",
        procedure="Wajib pajak menyerahkan kode bayar; teller memproses pembayaran tunai atau nontunai dan mencetak bukti bayar.",
        legal_basis=(
            "UU 1/2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah; Peraturan Daerah "
            "Kota Probolinggo tentang Pajak Daerah dan Retribusi Daerah."
        ),
        requirements=[
            req("Kode bayar, SPPT, SSPD atau SKRD", "Dokumen tagihan yang akan dibayar."),
            _KTP,
        ],
        steps=_one_day(
            "Penerimaan kode bayar",
            "Pemrosesan pembayaran dan validasi",
            "Penyerahan bukti bayar",
            process_role="officer",
        ),
    ),
    service(
        "BJ-KUR",
        BJ,
        "utilitas-keuangan",
        "Konsultasi dan Pengajuan Kredit Usaha Rakyat (KUR)",
        "Consultation and application for people's business credit (KUR)",
        is_permit=False,
        completed_at_mpp=False,
        description="Konsultasi dan pengajuan KUR mikro dan kecil bagi pelaku usaha produktif, tanpa biaya provisi dan administrasi.",
        keywords="kur kredit usaha rakyat pinjaman modal usaha umkm bank jatim",
        days=7,
        product="Keputusan kredit (persetujuan atau penolakan) dari Bank Jatim Cabang Probolinggo.",
        procedure="Pelaku usaha berkonsultasi dan menyerahkan berkas di MPP; analis kredit menyurvei usaha, komite kredit memutuskan di kantor cabang, lalu hasil diberitahukan kepada pemohon.",
        legal_basis=f"{_BANK_LAW}; Peraturan Menteri Koordinator Bidang Perekonomian tentang Pedoman Pelaksanaan Kredit Usaha Rakyat.",
        requirements=[
            _KTP,
            _KK,
            req("NIB atau surat keterangan usaha", "Usaha telah berjalan paling singkat 6 bulan."),
            req("Foto tempat usaha", "Tampak depan dan kegiatan usaha.", kinds=PHOTO),
            req(
                "Catatan keuangan usaha",
                "Pemasukan dan pengeluaran 3 bulan terakhir.",
                mandatory=False,
                kinds=PDF,
            ),
        ],
        steps=[
            step("Konsultasi dan penerimaan berkas", "front_office", 0),
            step("Wawancara dan pemeriksaan SLIK", "officer", 1),
            step("Survei usaha oleh analis kredit", "technical_team", 3),
            step("Rapat komite kredit", "supervisor", 2),
            step("Keputusan kredit oleh Pemimpin Cabang", "head", 1),
        ],
    ),
]

# =========================================================================== Kantor Pos
POS = "kantor-pos"
_POS_LAW = "UU 38/2009 tentang Pos; PP 46/2021 tentang Pos, Telekomunikasi, dan Penyiaran"

POS_SERVICES = [
    service(
        "POS-KIRIM",
        POS,
        "utilitas-keuangan",
        "Pengiriman Surat dan Paket",
        "Letter and parcel delivery",
        is_permit=False,
        description="Pengiriman surat, dokumen dan paket ke seluruh Indonesia dan luar negeri dengan layanan kilat khusus, Pos Nextday, Pos Sameday dan paket internasional.",
        keywords="kirim paket kirim surat pos indonesia ekspedisi kilat",
        days=1,
        fee_kind="levy",
        levy_formula="other",
        levy_description="Tarif dihitung menurut berat atau volume, jenis layanan dan kota tujuan sesuai tarif yang berlaku di PT Pos Indonesia, dan diberitahukan sebelum kiriman diterima.",
        product="Resi kiriman dengan nomor lacak.",
        procedure="Pengirim menyerahkan kiriman; petugas menimbang, menghitung tarif dan mencetak resi, lalu kiriman diberangkatkan ke pusat pengolahan.",
        legal_basis=f"{_POS_LAW}.",
        requirements=[
            req("Identitas pengirim", "KTP-el atau identitas lain.", mandatory=False),
            req("Alamat lengkap penerima", "Nama, alamat, kode pos dan nomor telepon.", kinds=PDF),
        ],
        steps=[
            step("Penerimaan, penimbangan dan penghitungan tarif", "front_office", 0),
            step("Pencetakan resi dan pengolahan kiriman", "officer", 1),
            step("Pemberangkatan kiriman ke pusat pengolahan", "supervisor", 0),
        ],
    ),
    service(
        "POS-ANTAR-DOKUMEN",
        POS,
        "utilitas-keuangan",
        "Pengantaran Dokumen Hasil Layanan MPP ke Alamat Pemohon",
        "Home delivery of documents issued at the MPP",
        is_permit=False,
        description="Pengantaran KTP-el, akta, SIM, paspor atau dokumen izin yang telah selesai ke alamat pemohon, sehingga pemohon tidak perlu kembali ke MPP.",
        keywords="antar dokumen kirim ktp antar jemput dokumen delivery mpp",
        days=2,
        fee_kind="levy",
        levy_formula="other",
        levy_description="Tarif pengantaran dihitung menurut jarak dan jenis layanan, sesuai tarif kerja sama PT Pos Indonesia dengan Pemerintah Kota Probolinggo.",
        product="Dokumen diterima pemohon dengan bukti serah terima.",
        procedure="Pemohon mendaftar pengantaran di loket instansi atau Pos; dokumen yang selesai diserahkan instansi kepada Pos, lalu diantar kurir dan diserahkan dengan verifikasi identitas.",
        legal_basis=f"{_POS_LAW}.",
        requirements=[
            _KTP,
            req(
                "Bukti permohonan layanan",
                "Tanda terima berkas dari instansi penerbit dokumen.",
                kinds=PDF + PHOTO,
            ),
            req("Surat kuasa penerimaan", "Bila dokumen diterima orang lain.", mandatory=False, kinds=PDF),
        ],
        steps=[
            step("Pendaftaran pengantaran dan pembayaran tarif", "front_office", 0),
            step("Serah terima dokumen dari instansi dan pengemasan", "officer", 1),
            step("Pengantaran oleh kurir dan verifikasi penerima", "officer", 1),
        ],
    ),
    service(
        "POS-BAYAR-TAGIHAN",
        POS,
        "utilitas-keuangan",
        "Pembayaran Tagihan, Pajak dan Angsuran di Loket Pos",
        "Bill, tax and instalment payments at the post counter",
        is_permit=False,
        description="Pembayaran tagihan listrik, air, telepon, iuran BPJS, pajak kendaraan dan angsuran di loket Pos.",
        keywords="bayar tagihan listrik air bpjs pajak angsuran kantor pos",
        days=1,
        fee_kind="levy",
        levy_formula="other",
        levy_description="Biaya administrasi per transaksi berbeda menurut penerbit tagihan dan diberitahukan sebelum pembayaran.",
        product="Struk pembayaran yang tervalidasi.",
        procedure="Pelanggan menyebutkan nomor tagihan; petugas memeriksa jumlah tagihan, menerima pembayaran dan mencetak struk.",
        legal_basis=f"{_POS_LAW}.",
        requirements=[
            req("Nomor pelanggan atau kode bayar", "Sesuai penerbit tagihan.", kinds=PDF + PHOTO),
            _KTP,
        ],
        steps=_one_day("Penerimaan nomor tagihan", "Pemrosesan pembayaran", "Penyerahan struk pembayaran"),
    ),
    service(
        "POS-BANSOS",
        POS,
        "sosial",
        "Penyaluran Bantuan Sosial dan Pembayaran Manfaat Pensiun",
        "Disbursement of social assistance and pension benefits",
        is_permit=False,
        description="Penyaluran bantuan sosial pemerintah dan pembayaran manfaat pensiun kepada penerima yang terdaftar, tanpa potongan.",
        keywords="bansos pos pencairan bantuan pkh bpnt pensiun kantor pos",
        days=1,
        product="Bantuan atau manfaat pensiun diterima penerima dengan bukti serah terima.",
        procedure="Penerima membawa undangan atau kode penerima; petugas memverifikasi identitas dan daftar penerima, menyerahkan bantuan dan mendokumentasikan penyerahan.",
        legal_basis=f"{_POS_LAW}; UU 13/2011 tentang Penanganan Fakir Miskin.",
        requirements=[
            req(
                "Surat undangan atau kode penerima",
                "Dari penyelenggara bantuan atau dana pensiun.",
                kinds=PDF + PHOTO,
            ),
            _KTP,
            _KK,
        ],
        steps=[
            step("Verifikasi identitas dan daftar penerima", "front_office", 0),
            step("Penyerahan bantuan dan dokumentasi", "officer", 0),
            step("Rekonsiliasi penyaluran harian", "supervisor", 1),
        ],
    ),
]

SERVICES: list[dict] = (
    KPP_SERVICES
    + BC_SERVICES
    + IMI_SERVICES
    + POL_SERVICES
    + KMG_SERVICES
    + BPJSK_SERVICES
    + BPJSTK_SERVICES
    + PDAM_SERVICES
    + BJ_SERVICES
    + POS_SERVICES
)
